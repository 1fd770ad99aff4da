import { useEffect, useState } from 'react';

/**
 * Keeps the tree's toolbar, then the table header, in view while the page
 * scrolls: the toolbar sticks to the top of the scrolling content area, the
 * header right below it (whatever height the toolbar wraps to).
 */
export function useStickyBar() {
  const [bar, setBar] = useState<HTMLDivElement | null>(null);
  const [box, setBox] = useState({ padding: 0, height: 52 });
  useEffect(() => {
    if (!bar) return;
    const scroller = bar.closest<HTMLElement>('.rp-content');
    const padding = scroller ? parseFloat(getComputedStyle(scroller).paddingTop) || 0 : 0;
    const measure = () => setBox({ padding, height: bar.getBoundingClientRect().height });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, [bar]);
  return { setBar, top: -box.padding, headerTop: Math.max(0, box.height - box.padding) };
}
