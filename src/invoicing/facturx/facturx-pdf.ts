import { FACTURX_FILE_NAME } from './cii-xml';

/** The Factur-X XMP namespace (version 1.0 of the PDF/A extension schema). */
const FX_NAMESPACE = 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#';

/** One property of the extension schema: its name, type and what it holds. */
function property(name: string, description: string): string {
  return `<rdf:li rdf:parseType="Resource">
<pdfaProperty:name>${name}</pdfaProperty:name>
<pdfaProperty:valueType>Text</pdfaProperty:valueType>
<pdfaProperty:category>external</pdfaProperty:category>
<pdfaProperty:description>${description}</pdfaProperty:description>
</rdf:li>`;
}

/**
 * The XMP a Factur-X PDF carries beside pdfkit's own (pdfaid, Dublin Core, xmp, pdf): the
 * Factur-X properties, and the PDF/A extension schema that declares them, as PDF/A-3 wants for
 * any namespace it does not know.
 */
export const FACTURX_XMP = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas>
<rdf:Bag>
<rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>${FX_NAMESPACE}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>fx</pdfaSchema:prefix>
<pdfaSchema:property>
<rdf:Seq>
${property('DocumentFileName', 'The name of the embedded XML document')}
${property('DocumentType', 'The type of the hybrid document in capital letters, e.g. INVOICE or ORDER')}
${property('Version', 'The actual version of the standard applying to the embedded XML document')}
${property('ConformanceLevel', 'The conformance level of the embedded XML document')}
</rdf:Seq>
</pdfaSchema:property>
</rdf:li>
</rdf:Bag>
</pdfaExtension:schemas>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:fx="${FX_NAMESPACE}">
<fx:DocumentType>INVOICE</fx:DocumentType>
<fx:DocumentFileName>${FACTURX_FILE_NAME}</fx:DocumentFileName>
<fx:Version>1.0</fx:Version>
<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
</rdf:Description>`;

/** pdfkit takes the relationship too, which its type definitions leave out. */
type AssociatedFileOptions = PDFKit.Mixins.PDFAttachmentOptions & {
  relationship: 'Alternative' | 'Data' | 'Source' | 'Supplement' | 'Unspecified';
};

/**
 * Makes a PDF/A-3 document a Factur-X one: `xml` embedded as factur-x.xml, the alternative
 * form of the invoice (AFRelationship /Alternative), which pdfkit lists in the catalog's /AF
 * and in the embedded files; and the Factur-X properties in the XMP. Dated `at` (the issue),
 * so the same document always gives the same file.
 */
export function embedFacturx(doc: PDFKit.PDFDocument, xml: string, at: Date): void {
  const options: AssociatedFileOptions = {
    name: FACTURX_FILE_NAME,
    type: 'text/xml',
    description: 'Factur-X (EN 16931)',
    relationship: 'Alternative',
    creationDate: at,
    modifiedDate: at,
  };
  doc.file(Buffer.from(xml, 'utf8'), options);
  doc.appendXML(FACTURX_XMP);
}
