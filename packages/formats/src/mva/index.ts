export {
  type CodeTotals,
  type MvaLine,
  type MvaRemark,
  mvaLineKey,
  mvaLinesFor,
  mvaRemarkRequired,
  satsText,
} from './lines';
export {
  MVA_NAMESPACE,
  type MvaMeldingData,
  mvaTotalKroner,
  type TermLength,
  toKroner,
  writeMvaMelding,
  writeSkattegrunnlag,
} from './writer';
