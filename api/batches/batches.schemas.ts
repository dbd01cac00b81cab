export * from '../../domain/contract/batches';
