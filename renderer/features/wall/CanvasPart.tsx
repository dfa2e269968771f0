/**
 * One display's part of a spanning canvas with bezel compensation (shared/wall/arrangement.ts
 * spanCanvas): the wall is laid out in a box of this display's height and the canvas's proportions
 * — every size on the wall is in vh, so the composition is the canvas's — then enlarged to canvas
 * pixels and moved so this display shows exactly its part. The strips behind the frames fall
 * between the parts and are drawn by no display.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { WallScreenStart } from '../../../shared/wall/arrangement';

type Part = NonNullable<WallScreenStart['part']>;

/** The layout box and transform of a part on a window `windowHeight` pixels high (pure, tested). */
export function partLayout(part: Part, windowHeight: number): { width: number; height: number; transform: string } {
  const scale = part.canvasHeight / windowHeight;
  return {
    width: part.canvasWidth / scale,
    height: windowHeight,
    transform: `translate(${-part.x}px, ${-part.y}px) scale(${scale})`,
  };
}

export function CanvasPart({ part, children }: { part: Part; children: ReactNode }) {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const layout = partLayout(part, Math.max(1, height));
  return (
    <div className="wall-canvas-part" data-testid="wall-canvas-part" data-part={`${part.x},${part.y}`}>
      <div className="wall-canvas-part__canvas" style={{ width: layout.width, height: layout.height, transform: layout.transform }}>
        {children}
      </div>
    </div>
  );
}
