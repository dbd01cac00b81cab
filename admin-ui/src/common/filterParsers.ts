/**
 * For boolean list filters: unticked removes the filter instead of sending `false`, so "not only
 * mine" means all tasks rather than "tasks that are not mine".
 */
export const onlyTrue = (value: boolean | null | undefined): true | null => (value ? true : null);
