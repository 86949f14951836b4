'use client';

import { useCallback, useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';

export interface View {
  x: number;
  y: number;
  scale: number;
}

const MIN_SCALE = 0.2;
const MAX_SCALE = 3;
const clamp = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/**
 * Zoom (wheel, or the buttons) around a point and pan (drag the background) for an SVG drawing of
 * `size`; `fit` shows it whole. The wheel listener is registered by hand because React's is
 * passive, and a passive listener cannot keep the page from scrolling.
 */
export function useZoomPan(container: RefObject<HTMLElement | null>, size: { width: number; height: number } | null) {
  const [view, setView] = useState<View>({ x: 0, y: 0, scale: 1 });
  const drag = useRef<{ pointer: number; x: number; y: number } | null>(null);

  const zoomAt = useCallback((factor: number, px: number, py: number) => {
    setView((v) => {
      const scale = clamp(v.scale * factor);
      const k = scale / v.scale;
      return { scale, x: px - (px - v.x) * k, y: py - (py - v.y) * k };
    });
  }, []);

  const fit = useCallback(() => {
    const box = container.current?.getBoundingClientRect();
    if (!box || !size || size.width === 0 || size.height === 0) return;
    const scale = clamp(Math.min(box.width / size.width, box.height / size.height, 1));
    setView({ scale, x: (box.width - size.width * scale) / 2, y: (box.height - size.height * scale) / 2 });
  }, [container, size]);

  useEffect(fit, [fit]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [container, zoomAt]);

  const zoomCentre = (factor: number) => {
    const box = container.current?.getBoundingClientRect();
    zoomAt(factor, (box?.width ?? 0) / 2, (box?.height ?? 0) / 2);
  };

  const panHandlers = {
    onPointerDown: (event: PointerEvent<Element>) => {
      drag.current = { pointer: event.pointerId, x: event.clientX, y: event.clientY };
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    onPointerMove: (event: PointerEvent<Element>) => {
      const from = drag.current;
      if (!from || from.pointer !== event.pointerId) return;
      drag.current = { ...from, x: event.clientX, y: event.clientY };
      setView((v) => ({ ...v, x: v.x + event.clientX - from.x, y: v.y + event.clientY - from.y }));
    },
    onPointerUp: (event: PointerEvent<Element>) => {
      if (drag.current?.pointer === event.pointerId) drag.current = null;
    },
  };

  return { view, fit, zoomIn: () => zoomCentre(1.25), zoomOut: () => zoomCentre(0.8), panHandlers };
}
