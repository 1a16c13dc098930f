using Grievance;
using Grievance.Codes;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Lifecycle;
using Grievance.Open311;
using Grievance.Sla;
using Grievance.Samples;
using Grievance.Samples.Portal;
using Grievance.Storage.Sqlite;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

// dotnet run --project samples/Grievance.Samples.Portal                      http://127.0.0.1:5080 (appsettings.json "Urls")
// dotnet run --project samples/Grievance.Samples.Portal --urls http://127.0.0.1:8080
// Any option can be set on the command line or in the environment: --Portal:Database=portal-demo.db, Portal__PageSize=50.
var builder = WebApplication.CreateBuilder(args);

// The department directory first, so appsettings.json, the environment and the command line override it.
builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
{
    Path = "sample-directory.json",
    Optional = true,
    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
});

var portalSection = builder.Configuration.GetSection(PortalOptions.SectionName);
builder.Services.AddOptionsWithValidateOnStart<PortalOptions>().Bind(portalSection, o => o.ErrorOnUnknownConfiguration = true);
builder.Services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
builder.Services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsCustomValidator>();
builder.Services.AddSingleton<OfficerDirectory>();

// The library through its public API: the embedded SQLite store, X through the real client against the fake X, and the
// web form's reply channel. The database path is read when the store starts, so tests can point it elsewhere.
var grievance = builder.Services.AddGrievance(builder.Configuration.GetSection(GrievanceOptions.SectionName))
    .ConfigureCodes(builder.Configuration.GetSection(ComplaintCodeOptions.SectionName))
    .ConfigureLifecycle(builder.Configuration.GetSection(LifecycleOptions.SectionName))
    .ConfigureSla(builder.Configuration.GetSection(SlaOptions.SectionName))
    .ConfigureCitizenLimits(builder.Configuration.GetSection(CitizenLimitOptions.SectionName))
    .AddOpen311(builder.Configuration.GetSection(Open311Options.SectionName));
grievance.UseSqliteStore(_ => { });
builder.Services.AddOptions<SqliteStoreOptions>().Configure<IOptions<PortalOptions>, IHostEnvironment>((o, portal, env) =>
    o.ConnectionString = $"Data Source={PortalSetup.DatabasePath(portal.Value, env)}");
grievance.AddNotifier<WebReplyNotifier>();
grievance.AddDemoFakeX();
builder.Services.AddHostedService<DemoIntakeService>();

// Officers sign in with a cookie: HttpOnly, SameSite=Strict, Secure whenever the request is HTTPS.
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
{
    o.LoginPath = "/signin";
    o.LogoutPath = "/signout";
    o.AccessDeniedPath = "/signin";
    o.Cookie.Name = "grievance.portal";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
    o.SlidingExpiration = true;
});

// Every route needs a signed-in officer unless it says otherwise (the citizen pages and sign-in do).
builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "grievance.antiforgery";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.FormFieldName = "__RequestVerificationToken";
    // The portal sends X-Frame-Options DENY itself (SecurityHeaders), stricter than the antiforgery default SAMEORIGIN.
    o.SuppressXFrameOptionsHeader = true;
});

var app = builder.Build();

app.UseSecurityHeaders();
app.UseExceptionHandler(error => error.Run(context =>
    PortalHtml.Page(context, "Something went wrong", "<p>The portal could not complete the request. Nothing was changed twice; please try again.</p>", StatusCodes.Status500InternalServerError)
        .ExecuteAsync(context)));
app.UseStatusCodePages(context =>
    context.HttpContext.Response.ContentLength is null && !context.HttpContext.Response.HasStarted && context.HttpContext.Response.StatusCode == StatusCodes.Status404NotFound
        ? PortalHtml.NotFound(context.HttpContext).ExecuteAsync(context.HttpContext)
        : Task.CompletedTask);
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/portal.css", () => Results.Text(PortalHtml.Stylesheet, "text/css; charset=utf-8")).AllowAnonymous();
app.MapSignIn();
app.MapCitizenPages();
app.MapOfficerPages();

// Open311 GeoReport v2 for city apps and partners: public fields only; posting needs an API key, not a cookie.
app.MapOpen311().AllowAnonymous();

app.Run();

/// <summary>The portal application (public so tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>).</summary>
public partial class Program;
