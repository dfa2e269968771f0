/**
 * Catches a scene that throws: the wall never shows an error, it reports the scene as failed
 * (the rotation skips it for this cycle) and the footer says so quietly.
 */
import { Component, type ReactNode } from 'react';
import type { SceneId } from '../../../shared/wall';

interface Props {
  scene: SceneId;
  onFailed(scene: SceneId, error: unknown): void;
  children: ReactNode;
}

export class SceneBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    this.props.onFailed(this.props.scene, error);
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
