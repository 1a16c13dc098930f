using System.Text;
using Grievance.Twitter.Webhooks;

namespace Grievance.Twitter.Tests.Webhooks;

/// <summary>The CRC and delivery-signature vectors of the X API notes (issue 7).</summary>
public class TwitterWebhookSignatureTests
{
    private const string Secret = "s3cr3t-consumer";
    private const string VectorBody = "{\"for_user_id\":\"1500000000000000001\",\"tweet_create_events\":[]}";
    private const string VectorSignature = "sha256=0W47yayIgcMPWd4dDf0ziDaCM+p8SqHnGhDh9eAyyKw=";

    [Fact]
    public void ComputeCrcResponseToken_NotesVector_Matches() =>
        Assert.Equal("sha256=lcu55gdFSU7MuUrhNj8/yS9XpiZ99Khse8oIassJ2VE=", TwitterWebhookSignature.ComputeCrcResponseToken(Secret, "9b2a4c1f-crc"));

    [Fact]
    public void ComputeCrcResponse_IsTheJsonXExpects() =>
        Assert.Equal("{\"response_token\":\"sha256=lcu55gdFSU7MuUrhNj8/yS9XpiZ99Khse8oIassJ2VE=\"}", TwitterWebhookSignature.ComputeCrcResponse(Secret, "9b2a4c1f-crc"));

    [Fact]
    public void ComputeSignature_NotesDeliveryVector_Matches()
    {
        var body = Encoding.UTF8.GetBytes(VectorBody);

        Assert.Equal(62, body.Length);
        Assert.Equal(VectorSignature, TwitterWebhookSignature.ComputeSignature(Secret, body));
        Assert.True(TwitterWebhookSignature.IsValid(Secret, body, VectorSignature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0W47yayIgcMPWd4dDf0ziDaCM+p8SqHnGhDh9eAyyKw=")] // no sha256= prefix
    [InlineData("sha1=0W47yayIgcMPWd4dDf0ziDaCM+p8SqHnGhDh9eAyyKw=")]
    [InlineData("sha256=not base64!")]
    [InlineData("sha256=1W47yayIgcMPWd4dDf0ziDaCM+p8SqHnGhDh9eAyyKw=")] // first character changed
    [InlineData("sha256=0W47yayIgcMPWd4dDf0ziDaCM+p8SqHnGhDh9eA=")] // truncated
    public void IsValid_WrongOrMalformedHeader_IsFalse(string? header) =>
        Assert.False(TwitterWebhookSignature.IsValid(Secret, Encoding.UTF8.GetBytes(VectorBody), header));

    [Fact]
    public void IsValid_BodyReserializedOrOneByteChanged_IsFalse()
    {
        // The signature covers the raw bytes: the same JSON with a space added is another body.
        Assert.False(TwitterWebhookSignature.IsValid(Secret, Encoding.UTF8.GetBytes(VectorBody.Replace(":[]", ": []", StringComparison.Ordinal)), VectorSignature));
        Assert.False(TwitterWebhookSignature.IsValid(Secret, Encoding.UTF8.GetBytes(VectorBody.Replace("001", "002", StringComparison.Ordinal)), VectorSignature));
        Assert.False(TwitterWebhookSignature.IsValid("another-secret", Encoding.UTF8.GetBytes(VectorBody), VectorSignature));
    }

    [Fact]
    public void Methods_NullOrEmptySecret_ThrowWithParameterName()
    {
        Assert.Equal("consumerSecret", Assert.Throws<ArgumentException>(() => TwitterWebhookSignature.ComputeSignature("", [])).ParamName);
        Assert.Equal("crcToken", Assert.Throws<ArgumentNullException>(() => TwitterWebhookSignature.ComputeCrcResponseToken(Secret, null!)).ParamName);
        Assert.Equal("consumerSecret", Assert.Throws<ArgumentNullException>(() => TwitterWebhookSignature.IsValid(null!, [], "sha256=")).ParamName);
    }
}
