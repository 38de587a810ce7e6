() => {
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) {
    // Name the outermost elements that stick out (not those inside a box that scrolls).
    const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
    const culprits = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.getBoundingClientRect().right <= doc.clientWidth + 1) continue;
      let inside = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(p).overflowX) ||
            p.getBoundingClientRect().right > doc.clientWidth + 1) { inside = true; break; }
      }
      if (!inside) culprits.push(name(el));
    }
    out.push(`page is ${doc.scrollWidth}px wide in a ${doc.clientWidth}px window: ` +
             culprits.slice(0, 3).join(', '));
  }
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, button, .btn')) {
    const box = el.getBoundingClientRect();
    if (!box.width || getComputedStyle(el).visibility === 'hidden') continue;
    // A control cut off by a box around it that hides overflow.
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (!/(hidden|clip)/.test(style.overflowX)) continue;
      const outer = p.getBoundingClientRect();
      if (box.right > outer.right + 1 || box.left < outer.left - 1)
        out.push(`${el.tagName.toLowerCase()} ${el.name || el.textContent.trim().slice(0, 30)}` +
                 ` is cut off (${Math.round(box.width)}px in ${Math.round(outer.width)}px)`);
      break;
    }
  }
  // Something in a table cell wider than its column runs over the next one (or off the table).
  for (const el of document.querySelectorAll('td .badge, td .countdown, td input, td select, td .btn')) {
    const box = el.getBoundingClientRect();
    const cell = el.closest('td').getBoundingClientRect();
    if (box.width && box.right > cell.right + 1)
      out.push(`${el.className || el.tagName.toLowerCase()} "${(el.name || el.textContent).trim().slice(0, 30)}"` +
               ` runs ${Math.round(box.right - cell.right)}px out of its column`);
  }
  // Badges that sit on top of the text next to them.
  const badges = [...document.querySelectorAll('.badge')];
  for (const badge of badges) {
    const b = badge.getBoundingClientRect();
    const cell = badge.closest('td, li, dd, p, div');
    if (!cell || !b.width) continue;
    for (const other of cell.querySelectorAll('span, time, small, strong, a')) {
      if (other === badge || badge.contains(other) || other.contains(badge)) continue;
      const o = other.getBoundingClientRect();
      if (!o.width) continue;
      const overlap = Math.min(b.right, o.right) - Math.max(b.left, o.left);
      const vertical = Math.min(b.bottom, o.bottom) - Math.max(b.top, o.top);
      if (overlap > 2 && vertical > 2)
        out.push(`badge "${badge.textContent.trim()}" overlaps "${other.textContent.trim().slice(0, 30)}"`);
    }
  }
  return out;
}
