using System.Net.Http.Headers;
using System.Net.ServerSentEvents;

namespace CowHealth.Tests.Gateway;

/// <summary>A client's view of one Server-Sent Events response, read with .NET's own SSE parser.</summary>
public sealed class SseSession : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _abandon = new();
    private IAsyncEnumerator<SseItem<string>>? _events;
    private bool _disposed;

    private SseSession(HttpResponseMessage response) => _response = response;

    public HttpResponseMessage Response => _response;

    /// <summary>Sends the GET and returns as soon as the response headers are in; the body is read event by event.</summary>
    public static async Task<SseSession> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var session = new SseSession(await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead));
        if (session._response.IsSuccessStatusCode)
        {
            var body = await session._response.Content.ReadAsStreamAsync();
            session._events = SseParser.Create(body).EnumerateAsync(session._abandon.Token).GetAsyncEnumerator();
        }

        return session;
    }

    /// <summary>The next event (heartbeats included), or a <see cref="TimeoutException"/>.</summary>
    public async Task<SseItem<string>> NextAsync(TimeSpan timeout)
    {
        var events = _events ?? throw new InvalidOperationException($"The stream answered {(int)_response.StatusCode}, not events.");
        var next = events.MoveNextAsync().AsTask();
        if (await Task.WhenAny(next, Task.Delay(timeout)) != next)
        {
            await _abandon.CancelAsync();
            throw new TimeoutException($"No event within {timeout.TotalSeconds:0.#} s.");
        }

        return await next ? events.Current : throw new InvalidOperationException("The stream ended.");
    }

    /// <summary>Every event up to and including the first that <paramref name="isLast"/> accepts.</summary>
    public async Task<List<SseItem<string>>> ReadUntilAsync(Func<SseItem<string>, bool> isLast, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<SseItem<string>> events = [];
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var item = await NextAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            events.Add(item);
            if (isLast(item))
            {
                return events;
            }
        }
    }

    /// <summary>Closes the connection, as a client that goes away does. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _abandon.CancelAsync();
        if (_events is not null)
        {
            try
            {
                await _events.DisposeAsync();
            }
            catch (OperationCanceledException)
            {
                // The read this session abandoned ends this way.
            }
        }

        _response.Dispose();
        _abandon.Dispose();
    }
}
