import { openQueryText, saveQueryText } from '../../../shared/search/savedQuery';
import { describeQuery } from '../../../shared/search/query';
import type { Handlers } from '../ipc/router';
import { HandlerError } from '../ipc/router';
import type { SearchService } from './searchService';
import { DuplicateQueryIdError, QueryError } from './searchService';
import { words } from '../../../shared/appError';

type SearchChannels =
  | 'search:run'
  | 'search:cancel'
  | 'search:retryNode'
  | 'search:recent'
  | 'search:suggest'
  | 'search:saveQuery'
  | 'search:openQuery';

/** Handlers for search:* channels. */
export function searchHandlers(search: SearchService): Pick<Handlers, SearchChannels> {
  return {
    'search:run': async ({ queryId, query }) => {
      try {
        return await search.run(query, queryId);
      } catch (error: unknown) {
        if (error instanceof QueryError)
          throw new HandlerError('INVALID_REQUEST', error.message, 'genomic', error.said);
        if (error instanceof DuplicateQueryIdError)
          throw new HandlerError(
            'INVALID_REQUEST',
            error.message,
            'queryId',
            words('queryIdInUse', { queryId }),
          );
        throw error;
      }
    },
    'search:cancel': ({ queryId }) => ({ cancelled: search.cancel(queryId) }),
    'search:retryNode': ({ queryId, nodeId }) => {
      if (!search.retryNode(queryId, nodeId)) {
        throw new HandlerError(
          'NOT_ALLOWED',
          `Node ${nodeId} cannot be asked again for this query now.`,
          nodeId,
          words('nodeNotAskable', { node: nodeId }),
        );
      }
      return { retried: true };
    },
    'search:recent': () => ({ items: search.recent() }),
    'search:suggest': async ({ kind, text, limit }) => ({
      items: await search.suggest(kind, text, limit),
    }),
    'search:saveQuery': ({ query }) => {
      return {
        text: saveQueryText(query),
        fileName: `${describeQuery(query)
          .replace(/[^A-Za-z0-9._-]+/g, '-')
          .slice(0, 60)}.query.json`,
      };
    },
    'search:openQuery': ({ text, fileName }) => {
      const r = openQueryText(text, fileName);
      // The file's problem as the parser's code (decision 0106); the renderer words it.
      if (!r.ok)
        throw new HandlerError(
          'INVALID_REQUEST',
          r.message,
          r.where,
          words('searchInputRefused', {
            searchInput: r.code,
            file: r.params.file.slice(0, 2000),
            field: r.params.field.slice(0, 2000),
          }),
        );
      return r.query;
    },
  };
}
