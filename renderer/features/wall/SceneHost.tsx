/**
 * Mounts the current scene (and only it: charts of a scene that leaves are disposed with it)
 * inside a boundary that turns a failure into a skipped scene and a quiet note.
 */
import type { ComponentType } from 'react';
import type { SceneId } from '../../../shared/wall';
import { DynamicsScene } from './scenes/DynamicsScene';
import { HeatmapScene } from './scenes/HeatmapScene';
import { OverdueScene } from './scenes/OverdueScene';
import { RatingScene } from './scenes/RatingScene';
import { SectorsScene } from './scenes/SectorsScene';
import { SpikesScene } from './scenes/SpikesScene';
import { RoadmapsScene } from './scenes/RoadmapsScene';
import { IndicatorsScene } from './scenes/IndicatorsScene';
import { ControlScene } from './scenes/ControlScene';
import type { SceneProps } from './scenes/types';
import { SceneBoundary } from './SceneBoundary';

const SCENES: Record<SceneId, ComponentType<SceneProps>> = {
  heatmap: HeatmapScene,
  overdue: OverdueScene,
  sectors: SectorsScene,
  dynamics: DynamicsScene,
  rating: RatingScene,
  spikes: SpikesScene,
  roadmaps: RoadmapsScene,
  indicators: IndicatorsScene,
  control: ControlScene,
};

interface Props extends SceneProps {
  scene: SceneId;
  /** Changes on every scene change so a scene re-entering gets a fresh mount (and a fresh chance). */
  mountKey: number;
  onFailed(scene: SceneId, error: unknown): void;
}

export function SceneHost({ scene, mountKey, onFailed, ...props }: Props) {
  const Scene = SCENES[scene];
  return (
    <div className="wall__scene" key={`${scene}:${mountKey}`} data-testid="wall-scene" data-scene={scene}>
      <SceneBoundary scene={scene} onFailed={onFailed}>
        <Scene {...props} />
      </SceneBoundary>
    </div>
  );
}
