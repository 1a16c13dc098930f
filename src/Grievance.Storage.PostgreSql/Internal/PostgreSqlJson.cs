using System.Text.Json.Serialization;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Routing;

namespace Grievance.Storage.PostgreSql.Internal;

/// <summary>The shapes kept in jsonb columns, serialized without reflection.</summary>
[JsonSourceGenerationOptions]
[JsonSerializable(typeof(List<Attachment>))]
[JsonSerializable(typeof(RoutingDecision))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(InboundMessage))]
internal sealed partial class PostgreSqlJson : JsonSerializerContext;
