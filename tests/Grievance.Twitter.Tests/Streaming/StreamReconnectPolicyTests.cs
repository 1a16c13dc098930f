using Grievance.Twitter.Streaming.Internal;

namespace Grievance.Twitter.Tests.Streaming;

public class StreamReconnectPolicyTests
{
    private static double[] Seconds(StreamReconnectPolicy policy, StreamFailure failure, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => policy.NextDelay(failure).TotalSeconds)];

    [Fact]
    public void NextDelay_NetworkErrors_GrowLinearlyBy250MillisecondsUpTo16Seconds()
    {
        var delays = Seconds(new StreamReconnectPolicy(), StreamFailure.Network, 66);

        Assert.Equal([0.25, 0.5, 0.75, 1.0], delays[..4]);
        Assert.Equal(16.0, delays[63]); // 64 × 0.25 s
        Assert.Equal(15.75, delays[62]);
        Assert.Equal([16.0, 16.0], delays[64..]);
    }

    [Fact]
    public void NextDelay_HttpErrors_DoubleFrom5SecondsUpTo320Seconds()
    {
        Assert.Equal([5, 10, 20, 40, 80, 160, 320, 320, 320], Seconds(new StreamReconnectPolicy(), StreamFailure.Http, 9));
    }

    [Fact]
    public void NextDelay_RateLimited_DoublesFrom60Seconds()
    {
        Assert.Equal([60, 120, 240, 480, 960, 960], Seconds(new StreamReconnectPolicy(), StreamFailure.RateLimited, 6));
    }

    [Fact]
    public void NextDelay_DroppedEstablishedConnection_ReconnectsAtOnce()
    {
        Assert.Equal([0, 0, 0], Seconds(new StreamReconnectPolicy(), StreamFailure.Dropped, 3));
    }

    [Fact]
    public void Connected_ResetsEverySchedule()
    {
        var policy = new StreamReconnectPolicy();
        Seconds(policy, StreamFailure.Network, 3);
        Seconds(policy, StreamFailure.Http, 3);
        Seconds(policy, StreamFailure.RateLimited, 3);

        policy.Connected();

        Assert.Equal(0.25, policy.NextDelay(StreamFailure.Network).TotalSeconds);
        Assert.Equal(5, policy.NextDelay(StreamFailure.Http).TotalSeconds);
        Assert.Equal(60, policy.NextDelay(StreamFailure.RateLimited).TotalSeconds);
    }

    [Fact]
    public void NextDelay_CausesKeepTheirOwnSchedules()
    {
        var policy = new StreamReconnectPolicy();

        Assert.Equal(5, policy.NextDelay(StreamFailure.Http).TotalSeconds);
        Assert.Equal(0.25, policy.NextDelay(StreamFailure.Network).TotalSeconds);
        Assert.Equal(10, policy.NextDelay(StreamFailure.Http).TotalSeconds);
        Assert.Equal(0.5, policy.NextDelay(StreamFailure.Network).TotalSeconds);
    }
}
