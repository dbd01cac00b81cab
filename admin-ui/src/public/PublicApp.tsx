import { AdminContext, localStorageStore, reactRouterProvider } from 'react-admin';
import { i18nProvider } from '../providers/i18nProvider';
import { BatchOverview } from './BatchOverview';
import { BatchPage } from './BatchPage';
import { BatchIndex } from './BatchIndex';
import { CandidatesPage } from './CandidatesPage';
import { ProjectsPage } from './ProjectsPage';
import { PublicLayout } from './PublicLayout';
import { ReceiptPage } from './ReceiptPage';
import { ResultsPage } from './ResultsPage';
import { SuggestionPage } from './SuggestionPage';

const { Routes, Route, Navigate } = reactRouterProvider;

// The console's store, so the language chosen on one side holds on the other.
const store = localStorageStore();

/**
 * The public site (no login): react-admin's contexts (translations, theme, router, react-query)
 * without <Admin>, whose requireAuth would send a visitor to the login page.
 */
export const PublicApp = () => (
  <AdminContext i18nProvider={i18nProvider} store={store}>
    <Routes>
      <Route path="/public" element={<PublicLayout />}>
        <Route index element={<BatchIndex />} />
        <Route path="receipts" element={<ReceiptPage />} />
        <Route path="receipts/:code" element={<ReceiptPage />} />
        <Route path="batches/:batchId" element={<BatchPage />}>
          <Route index element={<BatchOverview />} />
          <Route path="suggest" element={<SuggestionPage />} />
          <Route path="candidates" element={<CandidatesPage />} />
          <Route path="results" element={<ResultsPage />} />
          <Route path="projects" element={<ProjectsPage />} />
        </Route>
        <Route path="*" element={<Navigate to="/public" replace />} />
      </Route>
    </Routes>
  </AdminContext>
);
