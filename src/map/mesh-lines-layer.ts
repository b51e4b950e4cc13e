/**
 * A deck.gl layer that draws lines as plain GL lines (`line-list`, one draw call, no instancing).
 *
 * deck's PathLayer/LineLayer draw every segment as an instance. Software WebGL (SwiftShader,
 * the renderer when there is no GPU) handles instanced draws very slowly: the area borders of
 * kommun (≈6,000 segments) cost ~300 ms a frame as a PathLayer and a few ms as GL lines.
 * GL lines are one pixel wide; a thicker line is drawn as copies shifted by whole pixels,
 * which is cheap for the few vertices of a highlight outline.
 */
import { Layer, project32, type DefaultProps, type LayerProps, type UpdateParameters } from '@deck.gl/core';
import { Model } from '@luma.gl/engine';
import type { ShaderModule } from '@luma.gl/shadertools';

/** A line as [lon, lat] positions. */
export type LinePath = [number, number][];

type Color = [number, number, number, number];

const uniformBlock = /* glsl */ `\
layout(std140) uniform meshLinesUniforms {
  vec4 color;
  vec2 pixelOffset;
} meshLines;
`;

type MeshLinesUniforms = { color: [number, number, number, number]; pixelOffset: [number, number] };

const meshLinesUniforms = {
  name: 'meshLines',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { color: 'vec4<f32>', pixelOffset: 'vec2<f32>' },
} as const satisfies ShaderModule<MeshLinesUniforms>;

const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME mesh-lines-layer-vertex-shader
in vec3 positions;
in vec3 positions64Low;
void main(void) {
  geometry.worldPosition = positions;
  gl_Position = project_position_to_clipspace(positions, positions64Low, vec3(0.0), geometry.position);
  gl_Position.xy += meshLines.pixelOffset * 2.0 / project.viewportSize * gl_Position.w;
}
`;

const fs = /* glsl */ `\
#version 300 es
#define SHADER_NAME mesh-lines-layer-fragment-shader
precision highp float;
out vec4 fragColor;
void main(void) {
  fragColor = meshLines.color;
}
`;

export interface MeshLinesLayerProps extends LayerProps {
  /** The lines; the layer rebuilds its vertex buffer only when this array changes. */
  data: LinePath[];
  /** RGBA 0..255. */
  color?: Color;
  /** Line width in pixels: 1, 2 or 3 (drawn as 1, 3 or 9 pixel-shifted copies). Fractions below 1 fade the line. */
  width?: number;
}

const defaultProps: DefaultProps<MeshLinesLayerProps> = {
  color: { type: 'color', value: [0, 0, 0, 255] },
  width: { type: 'number', value: 1 },
};

/** Pixel offsets whose union draws a line of roughly `width` pixels. */
function offsetsFor(width: number): [number, number][] {
  if (width < 1.5) return [[0, 0]];
  if (width < 2.5) return [[0, 0], [1, 0], [0, 1]];
  const out: [number, number][] = [];
  for (let x = -1; x <= 1; x++) for (let y = -1; y <= 1; y++) out.push([x, y]);
  return out;
}

/** Line-list vertices (x, y, 0 per vertex; each segment's two ends) of the paths. */
function lineListVertices(paths: LinePath[]): Float64Array {
  let segments = 0;
  for (const path of paths) segments += Math.max(0, path.length - 1);
  const out = new Float64Array(segments * 6);
  let o = 0;
  for (const path of paths) {
    for (let i = 1; i < path.length; i++) {
      const a = path[i - 1]!;
      const b = path[i]!;
      out[o] = a[0];
      out[o + 1] = a[1];
      out[o + 3] = b[0];
      out[o + 4] = b[1];
      o += 6;
    }
  }
  return out;
}

/** Lines drawn as GL lines in one non-instanced draw call per pixel copy. */
export class MeshLinesLayer extends Layer<MeshLinesLayerProps> {
  static override layerName = 'MeshLinesLayer';
  static override defaultProps = defaultProps;

  declare state: { model?: Model; vertices: Float64Array; numInstances: number };

  override getShaders() {
    return super.getShaders({ vs, fs, modules: [project32, meshLinesUniforms] });
  }

  override initializeState(): void {
    this.state = { vertices: new Float64Array(0), numInstances: 0 };
    this.getAttributeManager()!.add({
      positions: {
        size: 3,
        type: 'float64',
        fp64: this.use64bitPositions(),
        noAlloc: true,
        update: (attribute) => {
          attribute.value = this.state.vertices;
        },
      },
    });
  }

  override updateState(params: UpdateParameters<this>): void {
    const { props, oldProps, changeFlags } = params;
    if (changeFlags.dataChanged || props.data !== oldProps.data) {
      const vertices = lineListVertices(props.data);
      this.setState({ vertices, numInstances: vertices.length / 3 });
      this.getAttributeManager()!.invalidateAll();
    }
    super.updateState(params);
    if (!this.state.model || changeFlags.extensionsChanged) {
      this.state.model?.destroy();
      this.setState({
        model: new Model(this.context.device, {
          ...this.getShaders(),
          id: this.props.id,
          bufferLayout: this.getAttributeManager()!.getBufferLayouts(),
          topology: 'line-list',
          vertexCount: 0,
          isInstanced: false,
        }),
      });
    }
  }

  override getNumInstances(): number {
    return this.state.numInstances;
  }

  override draw(): void {
    const model = this.state.model;
    const count = this.state.numInstances;
    if (!model || count === 0) return;
    const [r, g, b, a] = this.props.color!;
    const width = this.props.width!;
    const alpha = (a / 255) * Math.min(1, Math.max(0, width)) * this.props.opacity;
    model.setVertexCount(count);
    for (const pixelOffset of offsetsFor(width)) {
      model.shaderInputs.setProps({ meshLines: { color: [r / 255, g / 255, b / 255, alpha], pixelOffset } });
      model.draw(this.context.renderPass);
    }
  }

  override finalizeState(context: Parameters<Layer['finalizeState']>[0]): void {
    super.finalizeState(context);
    this.state.model?.destroy();
  }
}
