/** The importer's messages in the interface's languages: the tables live in shared/ (the centre server writes them too). */
export { importFileText, importRowText, valueProblemText } from '../../shared/import/message-text';
