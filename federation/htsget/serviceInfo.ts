/** GA4GH service-info for the variants endpoint (htsget 1.3 "Service info"). */
import { NODES, type NodeId } from '../catalogue.js';

/** The service-info document of a node's htsget variants service. */
export function serviceInfo(node: NodeId): Record<string, unknown> {
  const info = NODES.find((n) => n.id === node);
  return {
    id: `test.cohortdesk.demo-federation.${node.toLowerCase()}.htsget`,
    name: `${info?.name ?? node} htsget`,
    type: { group: 'org.ga4gh', artifact: 'htsget', version: '1.3.0' },
    description: 'htsget 1.3 variants endpoint of a demo federation node (VCF slices by region).',
    organization: {
      name: info?.organisation ?? node,
      url: `https://${node.toLowerCase()}.demo-federation.cohortdesk.test`,
    },
    version: '0.1.0',
    htsget: {
      datatype: 'variants',
      formats: ['VCF'],
      fieldsParameterEffective: false,
      tagsParametersEffective: false,
    },
  };
}
