import { useGetOne } from 'react-admin';

/** A batch's title in place of its id; the id while it loads or if it cannot be read. */
export const BatchTitle = ({ id }: { id: string }) => {
  const { data } = useGetOne<{ id: string; title: string }>('batches', { id }, { staleTime: 5 * 60_000 });
  return <>{data?.title ?? id}</>;
};
