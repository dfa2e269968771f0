import type { WallRegion } from '../region';
import type { WallScope } from '../use-wall-scope';
import type { HeatMeasure } from '../../../../shared/wall';

export interface SceneProps {
  scope: WallScope;
  region: WallRegion;
  measure: HeatMeasure;
}
