"""Plotly figure builders (DataFrame in, go.Figure out), by job: style (outlets, colours, layout, safe text),
time, framing, quotes."""
