export * from '../../domain/contract/candidates';
