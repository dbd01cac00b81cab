import { useParams } from 'react-admin';

export const useBatchId = (): string => useParams<{ batchId: string }>().batchId ?? '';
