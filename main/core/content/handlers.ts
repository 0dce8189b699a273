import type { contentContract } from '../../../shared/content/contract';
import type { HandlersFor } from '../../../shared/contract';
import type { ContentService } from './content-service';

export function contentHandlers(content: ContentService): HandlersFor<keyof typeof contentContract> {
  return {
    'content.status': () => content.status(),
    'content.installFile': (input) => content.installFile(input),
    'content.checkHub': (input) => content.checkHub(input),
    'content.rollback': (input) => content.rollback(input),
  };
}
