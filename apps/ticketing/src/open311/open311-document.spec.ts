import { escapeXmlText, formatNamed, render } from './open311-document';

// The example documents of the GeoReport v2 specification (wiki.open311.org/GeoReport_v2, as published in
// github.com/open311/open311.github.io GeoReport_v2/index.md), quoted as they stand. Each is written below as one of
// our documents — the spec's values, in the spec's element order — and must render to the same XML and JSON.

const SPEC_SERVICES_XML = `<?xml version="1.0" encoding="utf-8"?>
<services>
    <service>
        <service_code>001</service_code>
        <service_name>Cans left out 24x7</service_name>
        <description>Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.</description>
        <metadata>true</metadata>
        <type>realtime</type>
        <keywords>lorem, ipsum, dolor</keywords>
        <group>sanitation</group>
    </service>
    <service>
        <service_code>002</service_code>
        <metadata>true</metadata>
        <type>realtime</type>
        <keywords>lorem, ipsum, dolor</keywords>
        <group>street</group>
        <service_name>Construction plate shifted</service_name>
        <description>Metal construction plate covering the street or sidewalk has been moved.</description>
    </service>
    <service>
        <service_code>003</service_code>
        <metadata>true</metadata>
        <type>realtime</type>
        <keywords>lorem, ipsum, dolor</keywords>
        <group>street</group>
        <service_name>Curb or curb ramp defect</service_name>
        <description>Sidewalk curb or ramp has problems such as cracking, missing pieces, holes, and/or chipped curb.</description>
    </service>
</services>`;

// The spec's JSON writes the codes as 001, 002, 003: not JSON (no leading zeros). Codes are strings, as in its XML.
const SPEC_SERVICES_JSON = `[
  {
    "service_code":001,
    "service_name":"Cans left out 24x7",
    "description":"Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.",
    "metadata":true,
    "type":"realtime",
    "keywords":"lorem, ipsum, dolor",
    "group":"sanitation"
  },
  {
    "service_code":002,
    "metadata":true,
    "type":"realtime",
    "keywords":"lorem, ipsum, dolor",
    "group":"street",
    "service_name":"Construction plate shifted",
    "description":"Metal construction plate covering the street or sidewalk has been moved."
  },
  {
    "service_code":003,
    "metadata":true,
    "type":"realtime",
    "keywords":"lorem, ipsum, dolor",
    "group":"street",
    "service_name":"Curb or curb ramp defect",
    "description":"Sidewalk curb or ramp has problems such as cracking, missing pieces, holes, and/or chipped curb."
  }
]`;

const SPEC_SERVICE_DEFINITION_XML = `<?xml version="1.0" encoding="utf-8"?>
<service_definition>
    <service_code>DMV66</service_code>
    <attributes>
        <attribute>
            <variable>true</variable>
            <code>WHISHETN</code>
            <datatype>singlevaluelist</datatype>
            <required>true</required>
            <datatype_description></datatype_description>
            <order>1</order>
            <description>What is the ticket/tag/DL number?</description>
            <values>
                <value>
                    <key>123</key>
                    <name>Ford</name>
                </value>
                <value>
                    <key>124</key>
                    <name>Chrysler</name>
                </value>
            </values>
        </attribute>
    </attributes>
</service_definition>`;

const SPEC_SERVICE_DEFINITION_JSON = `{
  "service_code":"DMV66",
  "attributes":[
    {
      "variable":true,
      "code":"WHISHETN",
      "datatype":"singlevaluelist",
      "required":true,
      "datatype_description":null,
      "order":1,
      "description":"What is the ticket/tag/DL number?",
      "values":[
        {
          "key":123,
          "name":"Ford"
        },
        {
          "key":124,
          "name":"Chrysler"
        }
      ]
    }
  ]
}`;

const SPEC_POST_RESPONSE_XML = `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
    <request>
        <service_request_id>293944</service_request_id>
        <service_notice>
            The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code
        </service_notice>
        <account_id/>
    </request>
</service_requests>`;

const SPEC_POST_RESPONSE_JSON = `[
  {
    "service_request_id":293944,
    "service_notice":"The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code",
    "account_id":null
  }
]`;

const SPEC_REQUESTS_XML = `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
    <request>
        <service_request_id>638344</service_request_id>
        <status>closed</status>
        <status_notes>Duplicate request.</status_notes>
        <service_name>Sidewalk and Curb Issues</service_name>
        <service_code>006</service_code>
        <description></description>
        <agency_responsible></agency_responsible>
        <service_notice></service_notice>
        <requested_datetime>2010-04-14T06:37:38-08:00</requested_datetime>
        <updated_datetime>2010-04-14T06:37:38-08:00</updated_datetime>
        <expected_datetime>2010-04-15T06:37:38-08:00</expected_datetime>
        <address>8TH AVE and JUDAH ST</address>
        <address_id>545483</address_id>
        <zipcode>94122</zipcode>
        <lat>37.762221815</lat>
        <long>-122.4651145</long>
        <media_url>http://city.gov.s3.amazonaws.com/requests/media/638344.jpg </media_url>
    </request>
    <request>
        <service_request_id>638349</service_request_id>
        <status>open</status>
        <status_notes></status_notes>
        <service_name>Sidewalk and Curb Issues</service_name>
        <service_code>006</service_code>
        <description></description>
        <agency_responsible></agency_responsible>
        <service_notice></service_notice>
        <requested_datetime>2010-04-19T06:37:38-08:00</requested_datetime>
        <updated_datetime>2010-04-19T06:37:38-08:00</updated_datetime>
        <expected_datetime>2010-04-19T06:37:38-08:00</expected_datetime>
        <address>8TH AVE and JUDAH ST</address>
        <address_id>545483</address_id>
        <zipcode>94122</zipcode>
        <lat>37.762221815</lat>
        <long>-122.4651145</long>
        <media_url>http://city.gov.s3.amazonaws.com/requests/media/638349.jpg </media_url>
    </request>
</service_requests>`;

const SPEC_REQUESTS_JSON = `[
  {
    "service_request_id":638344,
    "status":"closed",
    "status_notes":"Duplicate request.",
    "service_name":"Sidewalk and Curb Issues",
    "service_code":006,
    "description":null,
    "agency_responsible":null,
    "service_notice":null,
    "requested_datetime":"2010-04-14T06:37:38-08:00",
    "updated_datetime":"2010-04-14T06:37:38-08:00",
    "expected_datetime":"2010-04-15T06:37:38-08:00",
    "address":"8TH AVE and JUDAH ST",
    "address_id":545483,
    "zipcode":94122,
    "lat":37.762221815,
    "long":-122.4651145,
    "media_url":"http://city.gov.s3.amazonaws.com/requests/media/638344.jpg "
  },
  {
    "service_request_id":638349,
    "status":"open",
    "status_notes":null,
    "service_name":"Sidewalk and Curb Issues",
    "service_code":006,
    "description":null,
    "agency_responsible":null,
    "service_notice":null,
    "requested_datetime":"2010-04-19T06:37:38-08:00",
    "updated_datetime":"2010-04-19T06:37:38-08:00",
    "expected_datetime":"2010-04-19T06:37:38-08:00",
    "address":"8TH AVE and JUDAH ST",
    "address_id":545483,
    "zipcode":94122,
    "lat":37.762221815,
    "long":-122.4651145,
    "media_url":"http://city.gov.s3.amazonaws.com/requests/media/638349.jpg"
  }
]`;

const SPEC_ERROR_XML = `<?xml version="1.0" encoding="utf-8"?>
<errors>
    <error>
        <code>403</code>
        <description>Invalid api_key received -- can't proceed with create_request.</description>
    </error>
</errors>`;

const SPEC_ERROR_JSON = `[
  {
    "code":403,
    "description":"Invalid api_key received -- can't proceed with create_request."
  }
]`;

/** Layout only: indentation between elements, spaces around text, and <a></a> written as <a/>. */
function layoutFree(xml: string): string {
  return xml
    .replace(/>\s+/g, '>')
    .replace(/\s+</g, '<')
    .replace(/<(\w+)><\/\1>/g, '<$1/>')
    .trim();
}

/** The spec's JSON with its zero-padded codes (001, 006) read as the strings its XML shows. */
function specJson(text: string): unknown {
  return JSON.parse(text.replace(/":(0\d+)/g, '":"$1"'));
}

const sidewalkRequest = (id: number, fields: { status: string; notes: string | null; expected: string }) => ({
  service_request_id: id,
  status: fields.status,
  status_notes: fields.notes,
  service_name: 'Sidewalk and Curb Issues',
  service_code: '006',
  description: null,
  agency_responsible: null,
  service_notice: null,
  requested_datetime: fields.expected.replace('04-15', '04-14'),
  updated_datetime: fields.expected.replace('04-15', '04-14'),
  expected_datetime: fields.expected,
  address: '8TH AVE and JUDAH ST',
  address_id: 545483,
  zipcode: 94122,
  lat: 37.762221815,
  long: -122.4651145,
  media_url: `http://city.gov.s3.amazonaws.com/requests/media/${id}.jpg${id === 638344 ? ' ' : ''}`,
});

describe('Open311 documents, against the examples of the GeoReport v2 specification', () => {
  it('renders the service list', () => {
    const services = {
      root: 'services',
      body: [
        {
          service_code: '001',
          service_name: 'Cans left out 24x7',
          description:
            'Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.',
          metadata: true,
          type: 'realtime',
          keywords: 'lorem, ipsum, dolor',
          group: 'sanitation',
        },
        {
          service_code: '002',
          metadata: true,
          type: 'realtime',
          keywords: 'lorem, ipsum, dolor',
          group: 'street',
          service_name: 'Construction plate shifted',
          description: 'Metal construction plate covering the street or sidewalk has been moved.',
        },
        {
          service_code: '003',
          metadata: true,
          type: 'realtime',
          keywords: 'lorem, ipsum, dolor',
          group: 'street',
          service_name: 'Curb or curb ramp defect',
          description:
            'Sidewalk curb or ramp has problems such as cracking, missing pieces, holes, and/or chipped curb.',
        },
      ],
    };
    expect(layoutFree(render(services, 'xml'))).toBe(layoutFree(SPEC_SERVICES_XML));
    expect(JSON.parse(render(services, 'json'))).toEqual(specJson(SPEC_SERVICES_JSON));
  });

  it('renders a service definition, its attributes and their values', () => {
    const definition = {
      root: 'service_definition',
      body: {
        service_code: 'DMV66',
        attributes: [
          {
            variable: true,
            code: 'WHISHETN',
            datatype: 'singlevaluelist',
            required: true,
            datatype_description: null,
            order: 1,
            description: 'What is the ticket/tag/DL number?',
            values: [
              { key: 123, name: 'Ford' },
              { key: 124, name: 'Chrysler' },
            ],
          },
        ],
      },
    };
    expect(layoutFree(render(definition, 'xml'))).toBe(layoutFree(SPEC_SERVICE_DEFINITION_XML));
    expect(JSON.parse(render(definition, 'json'))).toEqual(JSON.parse(SPEC_SERVICE_DEFINITION_JSON));
  });

  it("renders POST Service Request's answer, an empty account_id included", () => {
    const answer = {
      root: 'service_requests',
      body: [
        {
          service_request_id: 293944,
          service_notice:
            'The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code',
          account_id: null,
        },
      ],
    };
    expect(layoutFree(render(answer, 'xml'))).toBe(layoutFree(SPEC_POST_RESPONSE_XML));
    expect(JSON.parse(render(answer, 'json'))).toEqual(JSON.parse(SPEC_POST_RESPONSE_JSON));
  });

  it('renders GET Service Requests, with empty fields as empty elements and nulls', () => {
    const requests = {
      root: 'service_requests',
      body: [
        sidewalkRequest(638344, {
          status: 'closed',
          notes: 'Duplicate request.',
          expected: '2010-04-15T06:37:38-08:00',
        }),
        {
          ...sidewalkRequest(638349, { status: 'open', notes: null, expected: '2010-04-19T06:37:38-08:00' }),
          requested_datetime: '2010-04-19T06:37:38-08:00',
          updated_datetime: '2010-04-19T06:37:38-08:00',
        },
      ],
    };
    expect(layoutFree(render(requests, 'xml'))).toBe(layoutFree(SPEC_REQUESTS_XML));
    expect(JSON.parse(render(requests, 'json'))).toEqual(specJson(SPEC_REQUESTS_JSON));
  });

  it('renders an error', () => {
    const errors = {
      root: 'errors',
      body: [{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }],
    };
    expect(layoutFree(render(errors, 'xml'))).toBe(layoutFree(SPEC_ERROR_XML));
    expect(JSON.parse(render(errors, 'json'))).toEqual(JSON.parse(SPEC_ERROR_JSON));
  });

  it('starts XML with the declaration the spec requires, in UTF-8', () => {
    expect(render({ root: 'errors', body: [] }, 'xml')).toBe('<?xml version="1.0" encoding="utf-8"?>\n<errors/>');
  });

  it('refuses a list the spec does not name, rather than invent its element', () => {
    expect(() => render({ root: 'tickets', body: [{ id: 1 }] }, 'xml')).toThrow('tickets');
  });
});

describe('XML text', () => {
  it('escapes markup, so text can never open or close an element', () => {
    expect(escapeXmlText('A & B <b>粗</b> ]]> end')).toBe('A &amp; B &lt;b&gt;粗&lt;/b&gt; ]]&gt; end');
    expect(render({ root: 'errors', body: [{ code: 400, description: '</description><code>200' }] }, 'xml')).toContain(
      '<description>&lt;/description&gt;&lt;code&gt;200</description>',
    );
  });

  it('drops the characters XML 1.0 cannot carry, and keeps everything else', () => {
    expect(escapeXmlText('a\u0000b\u0008c\u001Fd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXmlText('行1\n行2\t\r😀 ü')).toBe('行1\n行2\t\r😀 ü');
  });
});

describe('formats', () => {
  it('are json and xml, by the extension', () => {
    expect(formatNamed('json')).toBe('json');
    expect(formatNamed('xml')).toBe('xml');
    expect(formatNamed('csv')).toBeUndefined();
    expect(formatNamed('JSON')).toBeUndefined();
  });
});
