export * from '../../domain/contract/tasks';
