// One Chromium at a time: the machines that run these tests have two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
