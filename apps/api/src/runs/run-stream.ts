import type { MessageEvent } from '@nestjs/common';
import type { CandidateRun, RunEvent, RunView } from '@takehome/contracts';
import { Observable } from 'rxjs';

/**
 * A run as server-sent events: a `snapshot` of the stored run first, then the worker's live events, then a
 * final snapshot (with every test result) once it finished. Live events are subscribed to before the
 * snapshot is read and buffered meanwhile, so a run finishing in between is still seen finishing.
 */
export function runEventStream(live: Observable<RunEvent>, readSnapshot: () => Promise<RunView | CandidateRun | null>): Observable<MessageEvent> {
  return new Observable<MessageEvent>((subscriber) => {
    const emit = (type: string, data: object | null) => subscriber.next({ type, data: data ?? {} });
    const buffered: RunEvent[] = [];
    let ready = false;
    let finished = false;
    const handle = (event: RunEvent) => {
      if (finished) return;
      emit(event.type, event);
      if (event.type !== 'finished') return;
      finished = true;
      readSnapshot().then((run) => {
        emit('snapshot', run);
        subscriber.complete();
      }, (error) => subscriber.error(error));
    };
    const subscription = live.subscribe({
      next: (event) => (ready ? handle(event) : buffered.push(event)),
      error: (error) => subscriber.error(error),
    });
    readSnapshot().then((run) => {
      emit('snapshot', run);
      if (!run || run.status === 'FINISHED') return subscriber.complete();
      ready = true;
      buffered.splice(0).forEach(handle);
    }, (error) => subscriber.error(error));
    return () => subscription.unsubscribe();
  });
}
