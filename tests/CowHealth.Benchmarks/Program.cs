using CowHealth.Benchmarks;

// dotnet run -c Release --project tests/CowHealth.Benchmarks -- <benchmark> [options]
return await BenchmarkCommand.Run(args);
