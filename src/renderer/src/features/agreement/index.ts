// Inter-coder agreement: the Agreement view (figures per theme and for all
// themes, the disagreements, the exports), shown in place of the article.
import './agreement.css'
export { AgreementView } from './AgreementView'
export { sessionCoders } from './agreement-choices'
