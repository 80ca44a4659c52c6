"""Clicks on pictures: Gradio's Plot has no click event, so the page passes Plotly's own click to the server.

Each clickable picture (a gr.Plot with elem_id X) has a hidden textbox X-pick beside it. The page's script
attaches to every Plotly chart as it appears and writes the clicked point's customdata there (with a
counter, so the same point clicked twice is two events); the tab's handler reads it back with `picked`.
"""

from __future__ import annotations

import json

import gradio as gr

JS = """
() => {
  let clicks = 0;
  const attach = () => {
    document.querySelectorAll('.js-plotly-plot').forEach((gd) => {
      if (gd.__picks || typeof gd.on !== 'function') return;
      const holder = gd.closest('[id]');
      const box = holder && document.querySelector('#' + CSS.escape(holder.id + '-pick') + ' :is(textarea, input)');
      if (!box) return;
      gd.__picks = true;
      gd.on('plotly_click', (e) => {
        const point = e && e.points && e.points[0];
        if (!point || point.customdata === undefined) return;
        box.value = JSON.stringify({data: point.customdata, n: ++clicks});
        box.dispatchEvent(new Event('input', {bubbles: true}));
      });
    });
  };
  new MutationObserver(attach).observe(document.body, {childList: true, subtree: true});
  attach();
}
"""


def clickable(plot_id: str, label: str) -> tuple[gr.Plot, gr.Textbox]:
    """A picture and the hidden box its clicks arrive in."""
    plot = gr.Plot(label=label, elem_id=plot_id, show_label=True)
    box = gr.Textbox(visible="hidden", elem_id=f"{plot_id}-pick")
    return plot, box


def picked(value: str) -> list | str | None:
    """The customdata of the clicked point, or None for anything else in the box."""
    try:
        return json.loads(value or "{}").get("data")
    except (ValueError, AttributeError):
        return None
