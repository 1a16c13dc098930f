using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/Grievance.Benchmarks -- --filter '*'
if (args is ["--mapping-cpu-time", ..])
{
    Grievance.Benchmarks.MappingCpuTime.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
