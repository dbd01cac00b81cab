export * from '../../domain/contract/auth';
