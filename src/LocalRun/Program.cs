using CowHealth.LocalRun;

var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("cowhealth.local.json", optional: false)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();
using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddConfiguration(configuration.GetSection("Logging"))
    .AddSimpleConsole(console => console.SingleLine = true));
using var shutdown = new ShutdownSignal();

await using var run = await CowHealthLocalRun.StartAsync(configuration, loggerFactory, shutdown.Token);
WhereToLook.Print(run, configuration, Console.Out);
await shutdown.WaitAsync();
Console.WriteLine("Stopping CowHealth…");
