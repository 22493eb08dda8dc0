export const palette = [
  {
    "name": "persona",
    "meaning": "The persona node itself",
    "fill": "#0b66ff",
    "stroke": "#0a4cc6",
    "color": "#fff",
    "dash": null
  },
  {
    "name": "gw",
    "meaning": "Gateways (community, self-hosted, alternative)",
    "fill": "#e1f5ee",
    "stroke": "#0f6e56",
    "color": "#04342c",
    "dash": null
  },
  {
    "name": "sdk",
    "meaning": "SDKs and client libraries",
    "fill": "#faeeda",
    "stroke": "#854f0b",
    "color": "#412402",
    "dash": null
  },
  {
    "name": "trans",
    "meaning": "Transport layer (ingest, playback, trickle, data channels)",
    "fill": "#fffae6",
    "stroke": "#8a7a0a",
    "color": "#3d3a0a",
    "dash": null
  },
  {
    "name": "ref",
    "meaning": "Reference material (pipeline lists, model files, codec lists)",
    "fill": "#fffae6",
    "stroke": "#8a7a0a",
    "color": "#3d3a0a",
    "dash": null
  },
  {
    "name": "proto",
    "meaning": "Protocol-layer code (go-livepeer, ai-runner, lpms)",
    "fill": "#faece7",
    "stroke": "#993c1d",
    "color": "#4a1b0c",
    "dash": null
  },
  {
    "name": "chain",
    "meaning": "On-chain components (TicketBroker, contracts, payments)",
    "fill": "#fbeaf0",
    "stroke": "#993556",
    "color": "#4b1528",
    "dash": null
  },
  {
    "name": "plugin",
    "meaning": "Plugin platform (NaaP)",
    "fill": "#eaf3de",
    "stroke": "#3b6d11",
    "color": "#173404",
    "dash": null
  },
  {
    "name": "ecosystem",
    "meaning": "Ecosystem integrations (streamplace, frameworks)",
    "fill": "#eaf3de",
    "stroke": "#3b6d11",
    "color": "#173404",
    "dash": null
  },
  {
    "name": "entry",
    "meaning": "Entry points (livepeer.org, whitepaper, forum)",
    "fill": "#f6f0ff",
    "stroke": "#534ab7",
    "color": "#26215c",
    "dash": null
  },
  {
    "name": "repo",
    "meaning": "Source repositories",
    "fill": "#faece7",
    "stroke": "#993c1d",
    "color": "#4a1b0c",
    "dash": null
  },
  {
    "name": "contract",
    "meaning": "Specific Solidity contracts",
    "fill": "#fbeaf0",
    "stroke": "#993556",
    "color": "#4b1528",
    "dash": null
  },
  {
    "name": "observ",
    "meaning": "Observability (Explorer, Subgraph, Dune)",
    "fill": "#e6f1fb",
    "stroke": "#185fa5",
    "color": "#042c53",
    "dash": null
  },
  {
    "name": "gov",
    "meaning": "Governance surfaces (LIPs, Treasury, forum)",
    "fill": "#eaf3de",
    "stroke": "#3b6d11",
    "color": "#173404",
    "dash": null
  },
  {
    "name": "guide",
    "meaning": "Documentation pages (lavender, dashed)",
    "fill": "#eeedfe",
    "stroke": "#3c3489",
    "color": "#26215c",
    "dash": "4 2"
  },
  {
    "name": "routing",
    "meaning": "Cross-tab routing (grey, dashed)",
    "fill": "#f1efe8",
    "stroke": "#5f5e5a",
    "color": "#2c2c2a",
    "dash": "6 3"
  }
];

export const personas = [
  {
    "number": 1,
    "name": "AI Persona",
    "nickname": "OpenAI for video AI",
    "icon": null,
    "intro": "Looking for an inference API. Endpoint, key, models, schema, SDK, pricing.\nActivation: first successful API call.",
    "nodes": [
      {
        "id": "P1",
        "label": [
          "Persona 1",
          "AI Persona"
        ],
        "class": "persona",
        "href": null
      },
      {
        "id": "CG",
        "label": [
          "Cloud SPE",
          "Community Gateway",
          "(free, off-chain)"
        ],
        "class": "gw",
        "href": null
      },
      {
        "id": "SelfGW",
        "label": [
          "Self-hosted",
          "Gateway"
        ],
        "class": "gw",
        "href": null
      },
      {
        "id": "AIJS",
        "label": [
          "@livepeer/ai",
          "(JS/TS)"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "AIPY",
        "label": [
          "livepeer-ai-python"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "REST",
        "label": [
          "REST / curl"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "Pipelines",
        "label": [
          "11 native pipelines",
          "T2I · I2I · I2V · I2T · A2T",
          "TTS · Upscale · SAM2",
          "LLM · Frame-Interp · LV2V"
        ],
        "class": "ref",
        "href": null
      },
      {
        "id": "Models",
        "label": [
          "Model support",
          "aiModels.json"
        ],
        "class": "ref",
        "href": null
      },
      {
        "id": "GoLP",
        "label": [
          "go-livepeer",
          "(Orchestrator)"
        ],
        "class": "proto",
        "href": null
      },
      {
        "id": "AIWorker",
        "label": [
          "ai-worker",
          "(go side)"
        ],
        "class": "proto",
        "href": null
      },
      {
        "id": "AIRunner",
        "label": [
          "ai-runner",
          "(Python GPU)"
        ],
        "class": "proto",
        "href": null
      },
      {
        "id": "Pay",
        "label": [
          "TicketBroker",
          "+ probabilistic",
          "micropayments"
        ],
        "class": "chain",
        "href": null
      },
      {
        "id": "G_QS",
        "label": [
          "Guide:",
          "AI Jobs Quickstart"
        ],
        "class": "guide",
        "href": "/v2/developers/build/ai-and-agents/ai-jobs-direct-quickstart"
      },
      {
        "id": "G_PIPE",
        "label": [
          "Guide:",
          "AI Pipelines"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_AUTH",
        "label": [
          "Guide:",
          "AI Authentication"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_SDK",
        "label": [
          "Guide:",
          "AI SDKs Overview"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_PRICE",
        "label": [
          "Guide:",
          "Pricing & rate limits"
        ],
        "class": "guide",
        "href": null
      }
    ],
    "edges": [
      {
        "from": "P1",
        "to": "G_QS",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_QS",
        "to": "CG",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "P1",
        "to": "G_SDK",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_SDK",
        "to": "AIJS",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_SDK",
        "to": "AIPY",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_SDK",
        "to": "REST",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "AIJS",
        "to": "CG",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "REST",
        "to": "CG",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "P1",
        "to": "SelfGW",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "graduate"
      },
      {
        "from": "CG",
        "to": "GoLP",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "GoLP",
        "to": "AIWorker",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "AIWorker",
        "to": "AIRunner",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "GoLP",
        "to": "Pay",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "charges"
      },
      {
        "from": "G_PIPE",
        "to": "Pipelines",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "catalogue"
      },
      {
        "from": "Pipelines",
        "to": "AIRunner",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "run on"
      },
      {
        "from": "Models",
        "to": "AIRunner",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "load on"
      },
      {
        "from": "G_AUTH",
        "to": "CG",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "guards"
      },
      {
        "from": "G_PRICE",
        "to": "Pay",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "applies to"
      }
    ],
    "links": [
      {
        "title": "Guide: AI Jobs Quickstart",
        "href": "/v2/developers/build/ai-and-agents/ai-jobs-direct-quickstart"
      }
    ]
  },
  {
    "number": 2,
    "name": "Video Platform Persona",
    "nickname": "Mux with AI bolted on",
    "icon": null,
    "intro": "Looking for ingest endpoints, transcoding presets, embeddable player, VOD, webhooks, recording.\nActivation: first stream goes live with playback URL working.\n\nBoundary: this persona arrives expecting Studio-shaped infra. The Developers-tab Build path does NOT use Studio. Direct-network options: self-hosted Gateway with on-chain video transcoding, or Frameworks (open streaming stack). Studio acknowledged via routing only.",
    "nodes": [
      {
        "id": "P2",
        "label": [
          "Persona 2",
          "Video Platform"
        ],
        "class": "persona",
        "href": null
      },
      {
        "id": "SelfGW",
        "label": [
          "Self-hosted Video Gateway",
          "(on-chain broadcaster)"
        ],
        "class": "gw",
        "href": null
      },
      {
        "id": "Frameworks",
        "label": [
          "frameworks.network",
          "(open streaming stack)"
        ],
        "class": "gw",
        "href": null
      },
      {
        "id": "UIKit",
        "label": [
          "@livepeer/react",
          "(Player + Broadcast)"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "WebRTMP",
        "label": [
          "webrtmp-sdk"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "LJS",
        "label": [
          "livepeer-js",
          "(server-side)"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "Ingest",
        "label": [
          "RTMP / WebRTC ingest"
        ],
        "class": "ref",
        "href": null
      },
      {
        "id": "Playback",
        "label": [
          "HLS / LL-HLS / DASH"
        ],
        "class": "ref",
        "href": null
      },
      {
        "id": "Codecs",
        "label": [
          "H.264 · H.265 · AV1 · VP9"
        ],
        "class": "ref",
        "href": null
      },
      {
        "id": "GoLP",
        "label": [
          "go-livepeer",
          "(transcoder)"
        ],
        "class": "proto",
        "href": null
      },
      {
        "id": "LPMS",
        "label": [
          "lpms",
          "(media library)"
        ],
        "class": "proto",
        "href": null
      },
      {
        "id": "Pay",
        "label": [
          "TicketBroker",
          "(ETH on Arbitrum)"
        ],
        "class": "chain",
        "href": null
      },
      {
        "id": "G_QS",
        "label": [
          "Guide:",
          "Transcoding Direct Quickstart"
        ],
        "class": "guide",
        "href": "/v2/developers/build/video/transcoding-direct-quickstart"
      },
      {
        "id": "G_INGEST",
        "label": [
          "Guide:",
          "Ingest & Playback"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_LIVE",
        "label": [
          "Guide:",
          "Live Events"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_VOD",
        "label": [
          "Guide:",
          "VOD & Recording"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_PLAY",
        "label": [
          "Guide:",
          "React Player"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_GW",
        "label": [
          "Guide:",
          "Gateway Decision"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "R_STUDIO",
        "label": [
          "Routing:",
          "If you want Studio,",
          "see Solutions tab"
        ],
        "class": "routing",
        "href": "/v2/solutions/portal"
      }
    ],
    "edges": [
      {
        "from": "P2",
        "to": "G_QS",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_QS",
        "to": "SelfGW",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "P2",
        "to": "Frameworks",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "alt"
      },
      {
        "from": "P2",
        "to": "R_STUDIO",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "acknowledge"
      },
      {
        "from": "G_INGEST",
        "to": "Ingest",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_LIVE",
        "to": "Ingest",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_VOD",
        "to": "Playback",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_PLAY",
        "to": "UIKit",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_GW",
        "to": "SelfGW",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "UIKit",
        "to": "Playback",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "WebRTMP",
        "to": "Ingest",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "LJS",
        "to": "SelfGW",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Ingest",
        "to": "SelfGW",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "SelfGW",
        "to": "GoLP",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "GoLP",
        "to": "LPMS",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "GoLP",
        "to": "Codecs",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "exposes"
      },
      {
        "from": "GoLP",
        "to": "Pay",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "charges"
      }
    ],
    "links": [
      {
        "title": "Guide: Transcoding Direct Quickstart",
        "href": "/v2/developers/build/video/transcoding-direct-quickstart"
      },
      {
        "title": "Routing: If you want Studio, see Solutions tab",
        "href": "/v2/solutions/portal"
      }
    ]
  },
  {
    "number": 3,
    "name": "Compute Primitives Persona",
    "nickname": "Modal/RunPod, but cheaper",
    "icon": null,
    "intro": "Looking for container runtime, GPU declarations, BYOC, per-GPU-second pricing, real-time vs batch.\nActivation: first BYOC container running on the network with a request flowing through.\n\nThis persona has the densest infra map – they touch every modular surface: BYOC, ComfyStream, PyTrickle, trickle protocol, Stream Pack, NaaP plugins.",
    "nodes": [
      {
        "id": "P3",
        "label": [
          "Persona 3",
          "Compute Primitives"
        ],
        "class": "persona",
        "href": null
      },
      {
        "id": "CommGW",
        "label": [
          "Community Gateway"
        ],
        "class": "gw",
        "href": null
      },
      {
        "id": "SelfGW",
        "label": [
          "Self-hosted Gateway"
        ],
        "class": "gw",
        "href": null
      },
      {
        "id": "ByocSDK",
        "label": [
          "@muxionlabs/byoc-sdk"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "PyTrickle",
        "label": [
          "pytrickle",
          "(Python)"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "CSDocker",
        "label": [
          "livepeer/comfystream",
          "Docker image"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "StreamPack",
        "label": [
          "ComfyUI Stream Pack",
          "(custom nodes)"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "ComfyRTC",
        "label": [
          "ComfyUI-RTC",
          "(WebRTC node)"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "Trickle",
        "label": [
          "trickle protocol",
          "(transport)"
        ],
        "class": "trans",
        "href": null
      },
      {
        "id": "DataChan",
        "label": [
          "data channels",
          "(text + structured)"
        ],
        "class": "trans",
        "href": null
      },
      {
        "id": "BYOCPipes",
        "label": [
          "muxionlabs/",
          "livepeer-app-pipelines",
          "(reference impls)"
        ],
        "class": "ref",
        "href": null
      },
      {
        "id": "ByocExamples",
        "label": [
          "muxionlabs/",
          "byoc-example-apps"
        ],
        "class": "ref",
        "href": null
      },
      {
        "id": "GoLP",
        "label": [
          "go-livepeer",
          "(BYOC streaming path)"
        ],
        "class": "proto",
        "href": null
      },
      {
        "id": "AIRunner",
        "label": [
          "ai-runner",
          "(alternate)"
        ],
        "class": "proto",
        "href": null
      },
      {
        "id": "Container",
        "label": [
          "BYOC container",
          "(your model)"
        ],
        "class": "proto",
        "href": null
      },
      {
        "id": "NaaP",
        "label": [
          "NaaP plugin platform",
          "(12 plugins live)"
        ],
        "class": "plugin",
        "href": null
      },
      {
        "id": "Pay",
        "label": [
          "per-second compute",
          "(post-#3641)"
        ],
        "class": "chain",
        "href": null
      },
      {
        "id": "G_QS",
        "label": [
          "Guide:",
          "BYOC Quickstart"
        ],
        "class": "guide",
        "href": "/v2/developers/build/compute/byoc/byoc-quickstart"
      },
      {
        "id": "G_ARCH",
        "label": [
          "Guide:",
          "BYOC Architecture"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_PROD",
        "label": [
          "Guide:",
          "BYOC Production"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_PYT",
        "label": [
          "Guide:",
          "PyTrickle"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_CS",
        "label": [
          "Guide:",
          "ComfyStream + RunPod"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_TRICK",
        "label": [
          "Guide:",
          "Trickle Protocol"
        ],
        "class": "guide",
        "href": "/v2/developers/guides/transport/trickle-protocol"
      },
      {
        "id": "G_NAAP",
        "label": [
          "Guide:",
          "Building a Plugin"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_PAY",
        "label": [
          "Guide:",
          "Per-second pricing"
        ],
        "class": "guide",
        "href": null
      }
    ],
    "edges": [
      {
        "from": "P3",
        "to": "G_QS",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_QS",
        "to": "ByocSDK",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "P3",
        "to": "G_PYT",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_PYT",
        "to": "PyTrickle",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "P3",
        "to": "G_CS",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_CS",
        "to": "CSDocker",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "P3",
        "to": "G_TRICK",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_TRICK",
        "to": "Trickle",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "P3",
        "to": "G_NAAP",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_NAAP",
        "to": "NaaP",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_ARCH",
        "to": "Container",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_PROD",
        "to": "DataChan",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_PAY",
        "to": "Pay",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "ByocSDK",
        "to": "CommGW",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "ByocSDK",
        "to": "SelfGW",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "PyTrickle",
        "to": "Trickle",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "CSDocker",
        "to": "StreamPack",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "CSDocker",
        "to": "ComfyRTC",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "CSDocker",
        "to": "PyTrickle",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Trickle",
        "to": "Container",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Container",
        "to": "GoLP",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "CommGW",
        "to": "GoLP",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "SelfGW",
        "to": "GoLP",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "GoLP",
        "to": "AIRunner",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "alt path"
      },
      {
        "from": "ByocExamples",
        "to": "Container",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "fork"
      },
      {
        "from": "BYOCPipes",
        "to": "Container",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "fork"
      },
      {
        "from": "GoLP",
        "to": "Pay",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "charges"
      },
      {
        "from": "NaaP",
        "to": "SelfGW",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "runs alongside"
      }
    ],
    "links": [
      {
        "title": "Guide: BYOC Quickstart",
        "href": "/v2/developers/build/compute/byoc/byoc-quickstart"
      },
      {
        "title": "Guide: Trickle Protocol",
        "href": "/v2/developers/guides/transport/trickle-protocol"
      }
    ]
  },
  {
    "number": 4,
    "name": "Live-Video-First Persona",
    "nickname": "real-time streaming backend",
    "icon": null,
    "intro": "Looking for ingest endpoints, ABR ladders, HLS/LL-HLS/DASH playback, codec choices, low-latency tuning, player SDK. Less concerned with VOD, webhooks, or recording – that's Persona 2's territory. Building Twitch-shaped live experiences, sports streaming, real-time events, gaming streams.\n\nActivation: first live stream up with sub-second-to-three-second glass-to-glass latency and a working playback URL.\n\nBoundary: build path uses a self-hosted live Gateway or `frameworks.network`. Studio Streaming is acknowledged via routing only.",
    "nodes": [
      {
        "id": "P4",
        "label": [
          "Persona 4",
          "Live-Video-First"
        ],
        "class": "persona",
        "href": null
      },
      {
        "id": "SelfGW",
        "label": [
          "Self-hosted Live Gateway",
          "go-livepeer broadcaster mode"
        ],
        "class": "gw",
        "href": null
      },
      {
        "id": "Frameworks",
        "label": [
          "frameworks.network",
          "(open streaming stack)"
        ],
        "class": "gw",
        "href": null
      },
      {
        "id": "Player",
        "label": [
          "@livepeer/react Player",
          "(LL-HLS, ABR, DVR)"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "Broadcast",
        "label": [
          "@livepeer/react Broadcast",
          "(WebRTC publish)"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "WebRTMP",
        "label": [
          "webrtmp-sdk",
          "(browser RTMP)"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "LJSServer",
        "label": [
          "livepeer-js",
          "(server-side control)"
        ],
        "class": "sdk",
        "href": null
      },
      {
        "id": "Ingest",
        "label": [
          "RTMP · WebRTC · SRT",
          "ingest endpoints"
        ],
        "class": "trans",
        "href": null
      },
      {
        "id": "ABR",
        "label": [
          "ABR ladders",
          "(720p / 1080p / source)"
        ],
        "class": "trans",
        "href": null
      },
      {
        "id": "Playback",
        "label": [
          "HLS · LL-HLS · DASH"
        ],
        "class": "trans",
        "href": null
      },
      {
        "id": "Codecs",
        "label": [
          "H.264 · H.265 · AV1 · VP9"
        ],
        "class": "trans",
        "href": null
      },
      {
        "id": "LowLat",
        "label": [
          "sub-3s glass-to-glass",
          "low-latency mode"
        ],
        "class": "trans",
        "href": null
      },
      {
        "id": "GoLP",
        "label": [
          "go-livepeer",
          "(transcoder / broadcaster)"
        ],
        "class": "proto",
        "href": null
      },
      {
        "id": "LPMS",
        "label": [
          "lpms",
          "(FFmpeg / RTMP / HLS)"
        ],
        "class": "proto",
        "href": null
      },
      {
        "id": "Catalyst",
        "label": [
          "catalyst",
          "(media-server, optional)"
        ],
        "class": "proto",
        "href": null
      },
      {
        "id": "Pay",
        "label": [
          "TicketBroker",
          "per-segment payments"
        ],
        "class": "chain",
        "href": null
      },
      {
        "id": "Streamplace",
        "label": [
          "streamplace integration",
          "(AT Protocol live video)"
        ],
        "class": "ecosystem",
        "href": null
      },
      {
        "id": "G_QS",
        "label": [
          "Guide:",
          "Live Streaming Quickstart"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_INGEST",
        "label": [
          "Guide:",
          "Ingest Setup"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_ABR",
        "label": [
          "Guide:",
          "ABR Configuration"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_LOWLAT",
        "label": [
          "Guide:",
          "Low-Latency Tuning"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_PLAYER",
        "label": [
          "Guide:",
          "Player Embedding"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_CODEC",
        "label": [
          "Guide:",
          "Codec Selection"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "G_GW",
        "label": [
          "Guide:",
          "Gateway Decision"
        ],
        "class": "guide",
        "href": null
      },
      {
        "id": "R_STUDIO",
        "label": [
          "Routing:",
          "Studio Streaming",
          "→ Solutions tab"
        ],
        "class": "routing",
        "href": "/v2/solutions/portal"
      }
    ],
    "edges": [
      {
        "from": "P4",
        "to": "G_QS",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_QS",
        "to": "SelfGW",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "P4",
        "to": "Frameworks",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "alt"
      },
      {
        "from": "P4",
        "to": "R_STUDIO",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "acknowledge"
      },
      {
        "from": "G_INGEST",
        "to": "Ingest",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_ABR",
        "to": "ABR",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_LOWLAT",
        "to": "LowLat",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_PLAYER",
        "to": "Player",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_CODEC",
        "to": "Codecs",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "G_GW",
        "to": "SelfGW",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Broadcast",
        "to": "Ingest",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "WebRTMP",
        "to": "Ingest",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Player",
        "to": "Playback",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "LJSServer",
        "to": "SelfGW",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Ingest",
        "to": "SelfGW",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "SelfGW",
        "to": "GoLP",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "GoLP",
        "to": "LPMS",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "GoLP",
        "to": "Catalyst",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "optional"
      },
      {
        "from": "GoLP",
        "to": "Playback",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": "emits"
      },
      {
        "from": "GoLP",
        "to": "Pay",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "charges"
      },
      {
        "from": "GoLP",
        "to": "ABR",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": "negotiates"
      },
      {
        "from": "GoLP",
        "to": "Codecs",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": "encodes"
      },
      {
        "from": "SelfGW",
        "to": "Streamplace",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "serves"
      }
    ],
    "links": [
      {
        "title": "Routing: Studio Streaming → Solutions tab",
        "href": "/v2/solutions/portal"
      }
    ]
  },
  {
    "number": 5,
    "name": "Protocol Persona",
    "nickname": "crypto network contributor",
    "icon": null,
    "intro": "Looking for architecture, LPT economics, contracts, payment flow, governance, node operator and Delegator paths. Not building an app – extending or operating the network itself.\n\nActivation: first merged PR to a Livepeer repo, first Orchestrator node activated, first treasury proposal submitted, or first delegation made.\n\nBoundary: this persona's content lives in the **About** and **Community** tabs, not in Developers. The Developers tab acknowledges them via routing pages and points out. They're shown here to make the boundary explicit – what Developers *doesn't* document – and to confirm no Developers infra is missing because of it.",
    "nodes": [
      {
        "id": "P5",
        "label": [
          "Persona 5",
          "Protocol Persona"
        ],
        "class": "persona",
        "href": null
      },
      {
        "id": "Web",
        "label": [
          "livepeer.org",
          "(marketing entry)"
        ],
        "class": "entry",
        "href": null
      },
      {
        "id": "Whitepaper",
        "label": [
          "Livepeer whitepaper",
          "Petkanics & Tang, 2017"
        ],
        "class": "entry",
        "href": null
      },
      {
        "id": "Protocol",
        "label": [
          "livepeer/protocol",
          "(Solidity contracts)"
        ],
        "class": "repo",
        "href": null
      },
      {
        "id": "GoLP",
        "label": [
          "livepeer/go-livepeer",
          "(Go node)"
        ],
        "class": "repo",
        "href": null
      },
      {
        "id": "AIWorker",
        "label": [
          "livepeer/ai-worker"
        ],
        "class": "repo",
        "href": null
      },
      {
        "id": "AIRunner",
        "label": [
          "livepeer/ai-runner"
        ],
        "class": "repo",
        "href": null
      },
      {
        "id": "LPMS",
        "label": [
          "livepeer/lpms"
        ],
        "class": "repo",
        "href": null
      },
      {
        "id": "Coordination",
        "label": [
          "livepeer/coordination",
          "(async governance)"
        ],
        "class": "repo",
        "href": null
      },
      {
        "id": "Controller",
        "label": [
          "Controller"
        ],
        "class": "contract",
        "href": null
      },
      {
        "id": "Bonding",
        "label": [
          "BondingManager"
        ],
        "class": "contract",
        "href": null
      },
      {
        "id": "Ticket",
        "label": [
          "TicketBroker"
        ],
        "class": "contract",
        "href": null
      },
      {
        "id": "Minter",
        "label": [
          "Minter"
        ],
        "class": "contract",
        "href": null
      },
      {
        "id": "Rounds",
        "label": [
          "RoundsManager"
        ],
        "class": "contract",
        "href": null
      },
      {
        "id": "LPT",
        "label": [
          "LivepeerToken (LPT)"
        ],
        "class": "contract",
        "href": null
      },
      {
        "id": "AISR",
        "label": [
          "AIServiceRegistry",
          "(opt-in / transitional)"
        ],
        "class": "contract",
        "href": null
      },
      {
        "id": "Bridge",
        "label": [
          "arbitrum-lpt-bridge",
          "(Ethereum L1 ↔ Arbitrum)"
        ],
        "class": "contract",
        "href": null
      },
      {
        "id": "Explorer",
        "label": [
          "explorer.livepeer.org"
        ],
        "class": "observ",
        "href": null
      },
      {
        "id": "Subgraph",
        "label": [
          "livepeer/subgraph",
          "(The Graph)"
        ],
        "class": "observ",
        "href": null
      },
      {
        "id": "Dune",
        "label": [
          "Dune dashboards",
          "(Rick, Stronk-Tech)"
        ],
        "class": "observ",
        "href": null
      },
      {
        "id": "Forum",
        "label": [
          "forum.livepeer.org"
        ],
        "class": "gov",
        "href": null
      },
      {
        "id": "LIPs",
        "label": [
          "LIPs",
          "(Livepeer Improvement Proposals)"
        ],
        "class": "gov",
        "href": null
      },
      {
        "id": "Treasury",
        "label": [
          "Treasury",
          "(Arbitrum on-chain)"
        ],
        "class": "gov",
        "href": null
      },
      {
        "id": "R_ABOUT",
        "label": [
          "Routes to:",
          "About tab",
          "(protocol, network, economics)"
        ],
        "class": "routing",
        "href": "/v2/about/concepts/about-livepeer"
      },
      {
        "id": "R_COMM",
        "label": [
          "Routes to:",
          "Community tab",
          "(contributing, opportunities)"
        ],
        "class": "routing",
        "href": "/v2/community/portal"
      },
      {
        "id": "R_ORCH",
        "label": [
          "Routes to:",
          "Orchestrators tab",
          "(operating a node)"
        ],
        "class": "routing",
        "href": "/v2/orchestrators/concepts/role"
      },
      {
        "id": "R_LPT",
        "label": [
          "Routes to:",
          "LP Token tab",
          "(staking, delegating, voting)"
        ],
        "class": "routing",
        "href": "/v2/delegators/portal"
      }
    ],
    "edges": [
      {
        "from": "P5",
        "to": "Web",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Web",
        "to": "Whitepaper",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "P5",
        "to": "Forum",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "P5",
        "to": "R_ABOUT",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "routes"
      },
      {
        "from": "P5",
        "to": "R_COMM",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "routes"
      },
      {
        "from": "P5",
        "to": "R_ORCH",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "routes"
      },
      {
        "from": "P5",
        "to": "R_LPT",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "routes"
      },
      {
        "from": "Whitepaper",
        "to": "Protocol",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "cites"
      },
      {
        "from": "Protocol",
        "to": "Controller",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Controller",
        "to": "Bonding",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Controller",
        "to": "Minter",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Controller",
        "to": "Rounds",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Controller",
        "to": "Ticket",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Bonding",
        "to": "LPT",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Ticket",
        "to": "LPT",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Bridge",
        "to": "LPT",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "GoLP",
        "to": "Ticket",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "implements"
      },
      {
        "from": "GoLP",
        "to": "AIWorker",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "AIWorker",
        "to": "AIRunner",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "GoLP",
        "to": "LPMS",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "GoLP",
        "to": "AISR",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "opts into"
      },
      {
        "from": "Subgraph",
        "to": "Protocol",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "indexes"
      },
      {
        "from": "Explorer",
        "to": "Subgraph",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "reads"
      },
      {
        "from": "Dune",
        "to": "Subgraph",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "queries"
      },
      {
        "from": "Forum",
        "to": "LIPs",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "LIPs",
        "to": "Treasury",
        "kind": "solid",
        "ends": "arrow",
        "length": 1,
        "label": null
      },
      {
        "from": "Coordination",
        "to": "LIPs",
        "kind": "dotted",
        "ends": "arrow",
        "length": 1,
        "label": "coordinates"
      }
    ],
    "links": [
      {
        "title": "Routes to: About tab (protocol, network, economics)",
        "href": "/v2/about/concepts/about-livepeer"
      },
      {
        "title": "Routes to: Community tab (contributing, opportunities)",
        "href": "/v2/community/portal"
      },
      {
        "title": "Routes to: Orchestrators tab (operating a node)",
        "href": "/v2/orchestrators/concepts/role"
      },
      {
        "title": "Routes to: LP Token tab (staking, delegating, voting)",
        "href": "/v2/delegators/portal"
      }
    ]
  }
];
