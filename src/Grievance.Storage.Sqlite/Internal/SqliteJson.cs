using System.Text.Json.Serialization;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Routing;

namespace Grievance.Storage.Sqlite.Internal;

[JsonSourceGenerationOptions]
[JsonSerializable(typeof(List<Attachment>))]
[JsonSerializable(typeof(RoutingDecision))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(InboundMessage))]
internal sealed partial class SqliteJson : JsonSerializerContext;
