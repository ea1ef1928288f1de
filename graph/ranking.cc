#include "graph/ranking.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "graph/csr_graph.h"

namespace kg {

std::vector<double> PageRank(const EntityGraph& eg,
                             const PageRankOptions& options) {
  const CsrBase& g = eg.csr().g;
  const uint32_t n = boost::num_vertices(g);
  if (n == 0) return {};
  std::vector<double> x(n, 1.0 / n), next(n);
  std::vector<double> inv_out(n, 0.0);
  for (VertexId v = 0; v < n; ++v) {
    auto d = boost::out_degree(v, g);
    if (d > 0) inv_out[v] = 1.0 / static_cast<double>(d);
  }
  const double alpha = options.damping;
  for (int iter = 0; iter < options.max_iterations; ++iter) {
    double dangling = 0;
    for (VertexId v = 0; v < n; ++v) {
      if (inv_out[v] == 0) dangling += x[v];
    }
    const double base = (1.0 - alpha) / n + alpha * dangling / n;
    std::fill(next.begin(), next.end(), base);
    for (VertexId u = 0; u < n; ++u) {
      const double share = alpha * x[u] * inv_out[u];
      if (share == 0) continue;
      for (auto [it, end] = boost::adjacent_vertices(u, g); it != end; ++it) {
        next[*it] += share;
      }
    }
    double err = 0;
    for (VertexId v = 0; v < n; ++v) err += std::fabs(next[v] - x[v]);
    x.swap(next);
    if (err < n * options.tolerance) break;
  }
  return x;
}

std::vector<double> DegreeScores(const EntityGraph& eg) {
  std::vector<double> out(eg.num_vertices());
  for (VertexId v = 0; v < out.size(); ++v) {
    out[v] = static_cast<double>(eg.out_degree(v) + eg.in_degree(v));
  }
  return out;
}

namespace {

// The undirected simple graph: sorted, deduplicated neighbours, no loops.
struct SimpleGraph {
  std::vector<uint64_t> offset;
  std::vector<VertexId> adj;
};

SimpleGraph Undirected(const EntityGraph& eg) {
  const CsrBase& g = eg.csr().g;
  const uint32_t n = boost::num_vertices(g);
  SimpleGraph s;
  s.offset.assign(n + 1, 0);
  std::vector<VertexId> row;
  for (VertexId v = 0; v < n; ++v) {
    row.clear();
    for (auto [it, end] = boost::adjacent_vertices(v, g); it != end; ++it) {
      row.push_back(*it);
    }
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      row.push_back(boost::source(*it, g));
    }
    std::sort(row.begin(), row.end());
    row.erase(std::unique(row.begin(), row.end()), row.end());
    for (VertexId w : row) {
      if (w != v) s.adj.push_back(w);
    }
    s.offset[v + 1] = s.adj.size();
  }
  return s;
}

}  // namespace

std::vector<double> Betweenness(const EntityGraph& eg,
                                const BetweennessOptions& options) {
  const uint32_t n = eg.num_vertices();
  std::vector<double> bc(n, 0.0);
  if (n == 0) return bc;
  SimpleGraph s = Undirected(eg);
  std::vector<VertexId> sources(n);
  std::iota(sources.begin(), sources.end(), 0);
  uint32_t k = n;
  if (options.samples > 0 && options.samples < n) {
    k = options.samples;
    std::mt19937_64 rng(options.seed);
    for (uint32_t i = 0; i < k; ++i) {
      std::uniform_int_distribution<uint32_t> pick(i, n - 1);
      std::swap(sources[i], sources[pick(rng)]);
    }
    sources.resize(k);
  }
  std::vector<int32_t> dist(n, -1);
  std::vector<double> sigma(n, 0.0), delta(n, 0.0);
  std::vector<VertexId> order;  // BFS order, reused as the stack
  order.reserve(n);
  for (VertexId src : sources) {
    order.clear();
    dist[src] = 0;
    sigma[src] = 1;
    order.push_back(src);
    for (size_t head = 0; head < order.size(); ++head) {
      VertexId v = order[head];
      for (uint64_t i = s.offset[v]; i < s.offset[v + 1]; ++i) {
        VertexId w = s.adj[i];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order.push_back(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (size_t i = order.size(); i-- > 0;) {
      VertexId w = order[i];
      for (uint64_t j = s.offset[w]; j < s.offset[w + 1]; ++j) {
        VertexId v = s.adj[j];
        if (dist[v] == dist[w] - 1) {
          delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
        }
      }
      if (w != src) bc[w] += delta[w];
    }
    for (VertexId w : order) {
      dist[w] = -1;
      sigma[w] = 0;
      delta[w] = 0;
    }
  }
  if (n > 2) {
    double scale = 1.0 / ((n - 1.0) * (n - 2.0));
    if (k < n) scale *= static_cast<double>(n) / k;
    for (double& b : bc) b *= scale;
  }
  return bc;
}

Components WeakComponents(const EntityGraph& eg) {
  const CsrBase& g = eg.csr().g;
  const uint32_t n = boost::num_vertices(g);
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](uint32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (VertexId u = 0; u < n; ++u) {
    for (auto [it, end] = boost::adjacent_vertices(u, g); it != end; ++it) {
      uint32_t a = find(u), b = find(*it);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  }
  // Roots are the smallest vertex of their component.
  std::vector<uint32_t> root_size(n, 0);
  for (VertexId v = 0; v < n; ++v) ++root_size[find(v)];
  std::vector<uint32_t> roots;
  for (VertexId v = 0; v < n; ++v) {
    if (root_size[v] > 0) roots.push_back(v);
  }
  std::stable_sort(roots.begin(), roots.end(), [&](uint32_t a, uint32_t b) {
    return root_size[a] > root_size[b];
  });
  std::vector<uint32_t> id_of_root(n, 0);
  Components c;
  for (uint32_t i = 0; i < roots.size(); ++i) {
    id_of_root[roots[i]] = i;
    c.sizes.push_back(root_size[roots[i]]);
  }
  c.component.resize(n);
  for (VertexId v = 0; v < n; ++v) c.component[v] = id_of_root[find(v)];
  return c;
}

std::vector<VertexId> TopVertices(const std::vector<double>& scores, size_t n) {
  std::vector<VertexId> ids(scores.size());
  std::iota(ids.begin(), ids.end(), 0);
  n = std::min(n, ids.size());
  std::partial_sort(
      ids.begin(), ids.begin() + n, ids.end(), [&](VertexId a, VertexId b) {
        return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
      });
  ids.resize(n);
  return ids;
}

}  // namespace kg
