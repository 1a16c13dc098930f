using Grievance.Storage.Internal;
using Grievance.TestUtilities.Contracts;

namespace Grievance.Core.Tests.Storage;

public class InMemoryLifecycleStoreContractTests : ComplaintLifecycleStoreContractTests
{
    protected override Task<StoreUnderTest> CreateStoreAsync()
    {
        var store = new InMemoryComplaintStore(Time);
        return Task.FromResult(new StoreUnderTest(store, store, store));
    }
}
