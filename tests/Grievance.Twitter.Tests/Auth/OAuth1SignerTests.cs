using Grievance.Twitter.Auth.Internal;

namespace Grievance.Twitter.Tests.Auth;

/// <summary>The vectors of X's "creating a signature" and "percent encoding parameters" pages (issue 7).</summary>
public class OAuth1SignerTests
{
    private const string ConsumerKey = "xvz1evFS4wEEPTGEFPHBog";
    private const string ConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";
    private const string Token = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb";
    private const string TokenSecret = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE";
    private const string Nonce = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg";
    private const long Timestamp = 1318622958;
    private const string Status = "Hello Ladies + Gentlemen, a signed OAuth request!";

    private const string ExpectedParameterString =
        "include_entities=true&oauth_consumer_key=xvz1evFS4wEEPTGEFPHBog&oauth_nonce=kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg" +
        "&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1318622958&oauth_token=370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb" +
        "&oauth_version=1.0&status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21";

    private static readonly OAuth1Credentials s_credentials = new(ConsumerKey, ConsumerSecret, Token, TokenSecret);

    private static List<KeyValuePair<string, string>> WorkedExampleParameters() =>
    [
        new("status", Status),
        new("include_entities", "true"),
        new("oauth_consumer_key", ConsumerKey),
        new("oauth_nonce", Nonce),
        new("oauth_signature_method", "HMAC-SHA1"),
        new("oauth_timestamp", "1318622958"),
        new("oauth_token", Token),
        new("oauth_version", "1.0"),
    ];

    [Theory]
    [InlineData("Ladies + Gentlemen", "Ladies%20%2B%20Gentlemen")]
    [InlineData("An encoded string!", "An%20encoded%20string%21")]
    [InlineData("Dogs, Cats & Mice", "Dogs%2C%20Cats%20%26%20Mice")]
    [InlineData("☃", "%E2%98%83")]
    [InlineData("AZaz09-._~", "AZaz09-._~")]
    [InlineData("*'()", "%2A%27%28%29")]
    [InlineData("शिकायत", "%E0%A4%B6%E0%A4%BF%E0%A4%95%E0%A4%BE%E0%A4%AF%E0%A4%A4")]
    [InlineData("😀", "%F0%9F%98%80")]
    public void PercentEncode_DocumentedVectors_EncodeLikeRfc3986(string value, string expected) =>
        Assert.Equal(expected, OAuth1Signer.PercentEncode(value));

    [Fact]
    public void BaseString_WorkedExample_HasDocumentedParameterStringAndTwoRawAmpersands()
    {
        var baseString = OAuth1Signer.BaseString("post", new Uri("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"), WorkedExampleParameters());

        Assert.Equal("POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&" + OAuth1Signer.PercentEncode(ExpectedParameterString), baseString);
        Assert.Equal(2, baseString.Count(c => c == '&'));
    }

    [Theory]
    [InlineData("https://api.twitter.com/1.1/statuses/update.json", "hCtSmYh+iHYCEqBWrE7C7hYmtUk=")]
    [InlineData("https://api.x.com/1.1/statuses/update.json", "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=")]
    public void Sign_WorkedExample_MatchesXsDocumentedSignature(string url, string expected)
    {
        var baseString = OAuth1Signer.BaseString("POST", new Uri(url), WorkedExampleParameters());

        Assert.Equal(expected, OAuth1Signer.Sign(baseString, ConsumerSecret, TokenSecret));
    }

    [Fact]
    public void AuthorizationParameter_WorkedExample_CarriesTheSevenPairsAndTheDocumentedSignature()
    {
        var header = OAuth1Signer.AuthorizationParameter(
            "POST",
            new Uri("https://api.x.com/1.1/statuses/update.json?include_entities=true"),
            [new("status", Status)],
            s_credentials,
            Nonce,
            Timestamp);

        Assert.Equal(
            "oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", oauth_nonce=\"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg\", " +
            "oauth_signature=\"Ls93hJiZbQ3akF3HF3x1Bz8%2FzU4%3D\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1318622958\", " +
            "oauth_token=\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\", oauth_version=\"1.0\"",
            header);
    }

    [Fact]
    public void AuthorizationParameter_TheDocsSampleHeaderSignature_IsNotReproduced()
    {
        // X's "authorizing a request" page shows tnnArxj06cWHq44gCs1OSKk%2FjLY%3D for inputs that do not produce it;
        // it must never be used as a vector.
        var header = OAuth1Signer.AuthorizationParameter(
            "POST", new Uri("https://api.x.com/1.1/statuses/update.json?include_entities=true"), [new("status", Status)], s_credentials, Nonce, Timestamp);

        Assert.DoesNotContain("tnnArxj06cWHq44gCs1OSKk", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_EmptyTokenSecret_KeepsTrailingAmpersandInKey()
    {
        var withNull = OAuth1Signer.Sign("GET&x&y", "secret", null);
#pragma warning disable CA5350 // OAuth 1.0a is defined over HMAC-SHA1.
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA1.HashData("secret&"u8, "GET&x&y"u8));
#pragma warning restore CA5350

        Assert.Equal(expected, withNull);
        Assert.Equal(expected, OAuth1Signer.Sign("GET&x&y", "secret", string.Empty));
    }

    [Fact]
    public void BaseString_EqualKeys_SortByValue_AndUrlDropsDefaultPortAndQuery()
    {
        var baseString = OAuth1Signer.BaseString("GET", new Uri("HTTPS://API.X.COM:443/2/users/me?b=2&a=1"), [new("a", "2"), new("a", "1"), new("b", "2")]);

        Assert.Equal("GET&https%3A%2F%2Fapi.x.com%2F2%2Fusers%2Fme&a%3D1%26a%3D2%26b%3D2", baseString);
    }

    [Fact]
    public void Credentials_ToString_HidesSecrets()
    {
        var text = s_credentials.ToString();

        Assert.DoesNotContain(ConsumerSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
    }
}
