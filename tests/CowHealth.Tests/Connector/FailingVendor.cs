using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CowHealth.Tests.Connector;

/// <summary>A vendor API on real Kestrel that answers every poll the way a test tells it to, and notes when each came.</summary>
internal sealed class FailingVendor : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FailingVendor(WebApplication app, ConcurrentQueue<PollSeen> polls)
    {
        _app = app;
        Polls = polls;
        Url = new Uri(app.Urls.First());
    }

    public Uri Url { get; }

    public ConcurrentQueue<PollSeen> Polls { get; }

    public static async Task<FailingVendor> StartAsync(Func<HttpContext, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var polls = new ConcurrentQueue<PollSeen>();
        app.MapGet("/api/readings", async context =>
        {
            polls.Enqueue(new PollSeen(DateTimeOffset.UtcNow, context.Request.Headers["X-Api-Key"].ToString(), context.Request.QueryString.Value ?? ""));
            await answer(context);
        });
        await app.StartAsync();
        return new FailingVendor(app, polls);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record PollSeen(DateTimeOffset At, string ApiKey, string Query);
}
