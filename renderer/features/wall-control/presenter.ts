/**
 * The operator's end of the presenter channel: sends validated commands to the wall and keeps
 * the wall's last announced state (so the screen shows what the wall is showing, or that it is
 * silent).
 */
import { create } from 'zustand';
import {
  parseWallAnnouncement,
  scopedCommand,
  WALL_CHANNEL,
  type PresenterCommandBody,
  type WallStateSnapshot,
} from '../../../shared/wall';
import { effectiveScope } from '../../runtime/access';

interface PresenterState {
  wall: WallStateSnapshot | null;
  /** When the last announcement arrived (performance.now()), for "the wall is silent". */
  heardAt: number | null;
  setWall(state: WallStateSnapshot): void;
}

export const usePresenterStore = create<PresenterState>((set) => ({
  wall: null,
  heardAt: null,
  setWall(state) {
    set({ wall: state, heardAt: performance.now() });
  },
}));

let channel: BroadcastChannel | null = null;
let users = 0;

/** Opens the channel while at least one component needs it. Returns a release function. */
export function connectPresenter(): () => void {
  users += 1;
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(WALL_CHANNEL);
    channel.onmessage = (event: MessageEvent) => {
      const message = parseWallAnnouncement(event.data);
      if (message) usePresenterStore.getState().setWall(message.state);
    };
    channel.postMessage(scopedCommand({ type: 'hello' }, effectiveScope()));
  }
  return () => {
    users -= 1;
    if (users === 0 && channel) {
      channel.close();
      channel = null;
    }
  };
}

/** Every command carries the presenter's scope: the wall shows only what it allows. */
export function sendToWall(body: PresenterCommandBody): void {
  channel?.postMessage(scopedCommand(body, effectiveScope()));
}
