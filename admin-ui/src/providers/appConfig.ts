import { useQuery } from '@tanstack/react-query';
import { fetchUtils } from 'react-admin';

export interface AppConfig {
  temporalUiUrl: string;
}

/** Public deployment settings (no auth), read once per page load. */
export function useAppConfig(): AppConfig | undefined {
  const { data } = useQuery({
    queryKey: ['app-config'],
    queryFn: async () => (await fetchUtils.fetchJson('/api/config')).json as AppConfig,
    staleTime: Infinity,
  });
  return data;
}

export function temporalWorkflowUrl(config: AppConfig, workflowId: string): string {
  const base = config.temporalUiUrl.replace(/\/+$/, '');
  return `${base}/namespaces/default/workflows/${encodeURIComponent(workflowId)}`;
}
