using System.Diagnostics;
using System.Globalization;

namespace Grievance.Benchmarks;

/// <summary>
/// The mapping benchmarks timed by this process's CPU time as well as by the clock, for a machine shared with other
/// work, where the clock counts time spent waiting for a core. Run with:
/// <c>dotnet run -c Release --project benchmarks/Grievance.Benchmarks -- --mapping-cpu-time [iterations]</c>.
/// </summary>
internal static class MappingCpuTime
{
    public static void Run(int iterations)
    {
        var benchmarks = new MappingBenchmarks();
        benchmarks.Setup();
        foreach (var (name, action) in new (string, Func<object>)[]
        {
            ("MapPage", benchmarks.MapPage),
            ("MapOnly", benchmarks.MapOnly),
            ("DeserializeFromStream", () => benchmarks.DeserializeFromStream()),
            ("DeserializeOnly", () => benchmarks.DeserializeOnly()),
            ("TokenizeAndReadStrings", () => benchmarks.TokenizeAndReadStrings()),
            ("TokenizeOnly", () => benchmarks.TokenizeOnly()),
        })
        {
            for (var i = 0; i < Math.Max(200, iterations / 10); i++)
            {
                GC.KeepAlive(action());
            }

            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                GC.KeepAlive(action());
            }

            clock.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} cpu {cpu.TotalMicroseconds / iterations,9:F1} us/page ({iterations / cpu.TotalSeconds,8:F0} pages/s cpu)  clock {clock.Elapsed.TotalMicroseconds / iterations,9:F1} us/page  {allocated / iterations / 1024.0,7:F1} KB/page"));
        }
    }
}
