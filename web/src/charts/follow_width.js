// A uPlot chart that follows the width of its container (the dashboard's
// columns change with the window).
export function followWidth(plot, box, height) {
  const resize = () => {
    const w = Math.floor(box.clientWidth);
    if (w > 0 && w !== plot.width) plot.setSize({ width: w, height });
  };
  new ResizeObserver(resize).observe(box);
  requestAnimationFrame(resize);
}
