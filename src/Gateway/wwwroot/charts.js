// Hands each chart's figure (the data-plot attribute the server built) to plotly.js, which draws it.
(() => {
  function draw() {
    if (!window.Plotly) {
      return;
    }
    for (const element of document.querySelectorAll('[data-plot]')) {
      const figure = JSON.parse(element.dataset.plot);
      Plotly.newPlot(element, figure.data, figure.layout, { responsive: true, displayModeBar: false, displaylogo: false })
        .then(() => { element.dataset.drawn = 'true'; });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
