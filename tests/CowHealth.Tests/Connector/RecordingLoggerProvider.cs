using CowHealth.Tests.EmbeddedKafka;
using Microsoft.Extensions.Logging;

namespace CowHealth.Tests.Connector;

/// <summary>Every logger of a host writes into one <see cref="RecordingLogger"/>, with exceptions, so a spec can read the whole log.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    public RecordingLogger Logger { get; } = new();

    public ILogger CreateLogger(string categoryName) => Logger;

    public void Dispose()
    {
    }
}
