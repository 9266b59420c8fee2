// Keeps the herd page's board current from the live alert stream (/api/alerts/stream), without a
// reload: on each alert event the server draws the board again (/app/herd-board) and it is swapped
// in place. The status line says when the stream is down and being reconnected.
(() => {
  const board = document.getElementById('herd-board');
  const status = document.getElementById('live-status');
  if (!board || !status || !window.EventSource) {
    return;
  }

  const alertEvents = ['AlertRaised', 'AlertEscalated', 'AlertAcknowledged', 'AlertResolved', 'AlertReopened'];
  let timer = null;
  let refreshing = false;
  let again = false;

  const show = (state, text) => {
    status.dataset.state = state;
    status.textContent = text;
  };

  async function refresh() {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    try {
      const response = await fetch(board.dataset.boardUrl, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
      if (response.redirected) {
        // The sign-in ran out (reads need a key here): the whole page goes to the sign-in page, not into the board.
        window.location.reload();
        return;
      }
      if (response.ok) {
        board.innerHTML = await response.text();
        board.dataset.refreshed = String(Number(board.dataset.refreshed || '0') + 1);
      }
    } catch {
      // The next event or reconnection refreshes again.
    } finally {
      refreshing = false;
      if (again) {
        again = false;
        refresh();
      }
    }
  }

  // Events come in bursts (a herd catching up): one redraw for a burst is enough.
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 200);
  };

  function connect() {
    const stream = new EventSource(board.dataset.streamUrl);
    stream.onopen = () => {
      show('live', 'Live: alerts update here as they happen.');
      // Whatever happened while the stream was away (or before it first opened) shows now.
      soon();
    };
    stream.onerror = () => {
      show('reconnecting', 'Reconnecting to live alerts… the list may be behind.');
      // The browser retries by itself after a dropped connection, but gives up on an error answer
      // (503 while Kafka is down): then try again a little later.
      if (stream.readyState === EventSource.CLOSED) {
        setTimeout(connect, 5000);
      }
    };
    // While the Gateway cannot reach Kafka the stream stays open but says "unavailable" instead of
    // heartbeats: no alert can arrive, so the page must not claim to be live.
    stream.addEventListener('unavailable', () => {
      show('unavailable', 'Live updates paused: the alert feed (Kafka) is unreachable; retrying. The list may be behind.');
    });
    const flowing = () => {
      if (status.dataset.state !== 'live') {
        show('live', 'Live: alerts update here as they happen.');
      }
    };
    stream.addEventListener('heartbeat', flowing);
    for (const name of alertEvents) {
      stream.addEventListener(name, () => {
        flowing();
        soon();
      });
    }
  }

  connect();
})();
