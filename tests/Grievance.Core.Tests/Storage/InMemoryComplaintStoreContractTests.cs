using Grievance.Storage.Internal;
using Grievance.TestUtilities.Contracts;

namespace Grievance.Core.Tests.Storage;

public class InMemoryComplaintStoreContractTests : ComplaintStoreContractTests
{
    protected override Task<StoreUnderTest> CreateStoreAsync()
    {
        var store = new InMemoryComplaintStore(Time);
        return Task.FromResult(new StoreUnderTest(store, store, store));
    }
}

public class InProcessSourceLeaseProviderTests
{
    [Fact]
    public async Task TryAcquire_SecondTakerWaitsUntilTheFirstReleases()
    {
        var leases = new Grievance.Storage.Internal.InProcessSourceLeaseProvider();

        var first = await leases.TryAcquireAsync("x:mentions:1");
        var second = await leases.TryAcquireAsync("x:mentions:1");
        var other = await leases.TryAcquireAsync("x:mentions:2");
        await first!.DisposeAsync();
        var third = await leases.TryAcquireAsync("x:mentions:1");

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(other);
        Assert.NotNull(third);
        Assert.Equal("x:mentions:1", third.Source);
    }
}
