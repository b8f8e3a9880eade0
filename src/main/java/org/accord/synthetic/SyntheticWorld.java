package org.accord.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A generated software ecosystem with vendors, products, operators and deployments, for the demo, the
 * benchmarks and the {@code accord generate} command. The same spec and seed always give the same
 * world.
 *
 * <p>Immutable after {@link #generate}; safe to read from several threads.
 */
public final class SyntheticWorld {
  /*
   * How the world is shaped, and why.
   *
   * Real dependency graphs are layered and heavy-tailed: a few foundational libraries are used by
   * very many packages, most by few (Decan, Mens, Grosjean [1]; Kikas et al. [2]). We model that with
   * three rules.
   *
   * 1. Layers. Each package gets a layer 0..9; a package version depends only on packages of lower
   *    layers, which bounds dependency depth by about ten, as [1] observes for npm, CRAN and RubyGems.
   *    A small fraction of edges (BACK_EDGE_RATE) point upward instead, which creates the cycles real
   *    SBOMs contain.
   * 2. Preferential popularity. Package p has weight 1/rank(p)^ZIPF_EXPONENT, with lower layers
   *    ranked first, so fan-in follows a power law [3]. A dependency target is drawn by binary search
   *    over the cumulative weights of the eligible (lower-layer, same-ecosystem) prefix.
   * 3. Recency. A dependent mostly picks one of the newest versions of its target, so old versions
   *    are used less, as in practice.
   *
   * Products belong to vendors and depend directly on a handful of libraries of any ecosystem.
   * Operators (one sector, a home country, occasionally a second one) run products; product choice is
   * Zipf too, so some products are everywhere.
   *
   * [1] A. Decan, T. Mens, P. Grosjean. "An empirical comparison of dependency network evolution in
   *     seven software packaging ecosystems". Empirical Software Engineering 24, 2019.
   * [2] R. Kikas, G. Gousios, M. Dumas, D. Pfahl. "Structure and evolution of package dependency
   *     networks". MSR 2017.
   * [3] A.-L. Barabási, R. Albert. "Emergence of scaling in random networks". Science 286, 1999.
   */

  static final double ZIPF_EXPONENT = 1.1;
  static final double BACK_EDGE_RATE = 0.002;
  static final int LAYERS = 10;

  /** Sectors in the order the generator assigns them. */
  public static final List<String> SECTORS =
      List.of("energy", "telecom", "health", "finance", "transport", "digital-identity", "water", "government");
  /** Countries in the order the generator assigns them. */
  public static final List<String> COUNTRIES =
      List.of("DE", "FR", "NL", "PL", "IT", "ES", "SE", "FI", "EE", "CZ", "AT", "BE");

  private static final String[] ECOSYSTEMS = {"maven", "npm", "pypi", "golang", "cargo", "nuget"};
  private static final double[] ECOSYSTEM_SHARE = {0.35, 0.30, 0.15, 0.08, 0.06, 0.06};
  private static final String[] SYLLABLES = {
    "al", "ba", "cor", "da", "el", "fin", "gra", "hex", "io", "jun", "ka", "lum", "mer", "nov", "or", "pix",
    "qua", "ro", "sil", "tor", "ul", "vex", "wen", "xy", "yor", "zen", "bit", "cat", "dex", "flo", "gem", "hub"
  };

  /**
   * What to generate.
   *
   * @param versions library package versions
   * @param edges library dependency edges (version to version)
   * @param deployments deployments
   * @param seed the random seed
   * @param vendors vendor organizations
   * @param products product versions
   * @param operators operator organizations
   * @param countries how many of {@link #COUNTRIES} to use (1..12)
   * @param sectors how many of {@link #SECTORS} to use (1..8)
   * @param libraCore whether to plant the LibraCore library (about 20 versions, very popular) and its
   *     fork
   * @throws org.accord.InvalidInputException if a count is out of range (the message names the option)
   */
  public record Spec(
      int versions, long edges, int deployments, long seed, int vendors, int products, int operators,
      int countries, int sectors, boolean libraCore) {
    public Spec {
      if (versions < 10) {
        throw new org.accord.InvalidInputException("--versions must be at least 10");
      }
      if (edges < 0 || deployments < 0 || vendors < 1 || products < 1 || operators < 1) {
        throw new org.accord.InvalidInputException("counts must be positive (--edges and --deployments at least 0, --products at least 1)");
      }
      if (countries < 1 || countries > COUNTRIES.size() || sectors < 1 || sectors > SECTORS.size()) {
        throw new org.accord.InvalidInputException("countries must be 1.." + COUNTRIES.size() + ", sectors 1.." + SECTORS.size());
      }
    }

    /** A world sized by versions, edges and deployments, with the other counts derived from them. */
    public static Spec scaled(int versions, long edges, int deployments, long seed) {
      int products = Math.max(50, versions / 100);
      return new Spec(
          versions, edges, deployments, seed, Math.max(10, products / 8), products,
          Math.max(20, deployments / 25), COUNTRIES.size(), SECTORS.size(), false);
    }

    /** The same spec with LibraCore and its fork planted. */
    public Spec withLibraCore() {
      return new Spec(versions, edges, deployments, seed, vendors, products, operators, countries, sectors, true);
    }

    /** The LibraCore demo world: ~40 vendors, 300 products, 5,000 deployments, 12 countries, 8 sectors. */
    public static Spec demo() {
      return new Spec(3_000, 7_000, 5_000, 20261122L, 40, 300, 160, 12, 8, true);
    }
  }

  /** A library package: its PURL without version and its versions, oldest first. */
  public record Package(String ecosystem, String key, List<String> versions, int layer) {}

  /** A product version and the vendor that makes it. */
  public record Product(String vendor, String purl, String name, int[] directDependencies) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Product that
          && vendor.equals(that.vendor)
          && purl.equals(that.purl)
          && name.equals(that.name)
          && Arrays.equals(directDependencies, that.directDependencies);
    }

    @Override
    public int hashCode() {
      return Objects.hash(vendor, purl, name) * 31 + Arrays.hashCode(directDependencies);
    }

    @Override
    public String toString() {
      return "Product[" + purl + " by " + vendor + ", " + directDependencies.length + " direct dependencies]";
    }
  }

  /** A deployment of product {@code product} (an index into {@link #products()}). */
  public record Site(String operator, String site, String sector, String country, String criticality, int product) {}

  /** The planted LibraCore library and its fork, when the spec asks for them. */
  public static final String LIBRACORE = "pkg:maven/org.libra/libracore";
  public static final String LIBRACORE_FORK = "pkg:maven/org.forkworks/libracore-ng";

  private final Spec spec;
  private final List<Package> packages;
  private final int[] packageOfVersion;
  private final String[] versionPurl;
  private final int[] depOffsets;
  private final int[] deps;
  private final int[] forkOf;
  private final List<Product> products;
  private final List<Site> sites;

  private SyntheticWorld(
      Spec spec, List<Package> packages, int[] packageOfVersion, String[] versionPurl, int[] depOffsets, int[] deps,
      int[] forkOf, List<Product> products, List<Site> sites) {
    this.spec = spec;
    this.packages = packages;
    this.packageOfVersion = packageOfVersion;
    this.versionPurl = versionPurl;
    this.depOffsets = depOffsets;
    this.deps = deps;
    this.forkOf = forkOf;
    this.products = products;
    this.sites = sites;
  }

  /** Generates a world; deterministic in the spec. */
  public static SyntheticWorld generate(Spec spec) {
    return new Generator(spec).run();
  }

  public Spec spec() {
    return spec;
  }

  public List<Package> packages() {
    return packages;
  }

  /** How many library versions there are; version ids are 0..versionCount()-1. */
  public int versionCount() {
    return versionPurl.length;
  }

  /** The canonical PURL of a library version. */
  public String versionPurl(int version) {
    return versionPurl[version];
  }

  /** The package a library version belongs to. */
  public Package packageOf(int version) {
    return packages.get(packageOfVersion[version]);
  }

  /** The version string of a library version. */
  public String versionString(int version) {
    String purl = versionPurl[version];
    return purl.substring(purl.lastIndexOf('@') + 1);
  }

  /** The direct dependencies of a library version. */
  public int[] dependenciesOf(int version) {
    return Arrays.copyOfRange(deps, depOffsets[version], depOffsets[version + 1]);
  }

  /** The number of library dependency edges. */
  public long edgeCount() {
    return deps.length;
  }

  /** The library version this version was forked from, or -1. */
  public int forkOf(int version) {
    return forkOf[version];
  }

  public List<Product> products() {
    return products;
  }

  public List<Site> sites() {
    return sites;
  }

  /**
   * Library versions reachable from a product by dependencies, in BFS order: the components its SBOM
   * lists. A fork's origin is not among them unless something depends on it; the SBOM names it as the
   * fork's pedigree ancestor instead.
   */
  public int[] closureOf(Product product) {
    boolean[] seen = new boolean[versionCount()];
    int[] queue = new int[versionCount()];
    int tail = 0;
    for (int dep : product.directDependencies()) {
      if (!seen[dep]) {
        seen[dep] = true;
        queue[tail++] = dep;
      }
    }
    for (int head = 0; head < tail; head++) {
      int version = queue[head];
      for (int i = depOffsets[version]; i < depOffsets[version + 1]; i++) {
        int next = deps[i];
        if (!seen[next]) {
          seen[next] = true;
          queue[tail++] = next;
        }
      }
    }
    return Arrays.copyOf(queue, tail);
  }

  /** The generator's working state. */
  private static final class Generator {
    private final Spec spec;
    private final SplittableRandom random;
    private final List<Package> packages = new ArrayList<>();
    private final List<Integer> firstVersion = new ArrayList<>();
    private final List<String> purls = new ArrayList<>();
    private final List<Integer> packageOf = new ArrayList<>();

    Generator(Spec spec) {
      this.spec = spec;
      this.random = new SplittableRandom(spec.seed());
    }

    SyntheticWorld run() {
      makePackages();
      int versionCount = purls.size();
      int[] forkOf = new int[versionCount];
      Arrays.fill(forkOf, -1);
      int[][] edges = makeEdges(versionCount, forkOf);
      List<Product> products = makeProducts(versionCount);
      List<Site> sites = makeSites(products.size());
      return new SyntheticWorld(
          spec, List.copyOf(packages), toArray(packageOf), purls.toArray(String[]::new), edges[0], edges[1], forkOf,
          List.copyOf(products), List.copyOf(sites));
    }

    private void makePackages() {
      if (spec.libraCore()) {
        List<String> versions = new ArrayList<>();
        String[][] releases = {
          {"1.0", "2"}, {"1.1", "2"}, {"1.2", "2"}, {"2.0", "3"}, {"2.1", "3"}, {"2.2", "2"}, {"2.3", "5"}, {"2.4", "2"}
        };
        for (String[] release : releases) {
          for (int patch = 0; patch < Integer.parseInt(release[1]); patch++) {
            versions.add(release[0] + "." + patch);
          }
        }
        addPackage("maven", LIBRACORE, versions, 0);
        addPackage("maven", LIBRACORE_FORK, List.of("1.0.0", "1.1.0", "1.2.0", "2.0.0"), 1);
      }
      int target = spec.versions();
      while (purls.size() < target) {
        String ecosystem = pickEcosystem();
        int layer = pickLayer();
        int count = Math.min(target - purls.size(), 1 + (int) Math.min(39, -Math.log(1 - random.nextDouble()) * 7));
        addPackage(ecosystem, packageKey(ecosystem), versionStrings(ecosystem, count), layer);
      }
    }

    private void addPackage(String ecosystem, String key, List<String> versions, int layer) {
      int index = packages.size();
      packages.add(new Package(ecosystem, key, List.copyOf(versions), layer));
      firstVersion.add(purls.size());
      for (String version : versions) {
        purls.add(key + "@" + version);
        packageOf.add(index);
      }
    }

    private int[][] makeEdges(int versionCount, int[] forkOf) {
      // Packages ordered by (layer, popularity rank): lower layers first, so "eligible targets of a
      // layer-L dependent" is a prefix of each ecosystem's order.
      int packageCount = packages.size();
      Integer[] order = new Integer[packageCount];
      for (int i = 0; i < packageCount; i++) {
        order[i] = i;
      }
      double[] jitter = new double[packageCount];
      for (int i = 0; i < packageCount; i++) {
        jitter[i] = random.nextDouble();
      }
      if (spec.libraCore()) {
        jitter[0] = 0.05; // LibraCore is among the most popular foundational libraries of its ecosystem
      }
      Arrays.sort(order, (a, b) -> {
        int byLayer = Integer.compare(packages.get(a).layer(), packages.get(b).layer());
        return byLayer != 0 ? byLayer : Double.compare(jitter[a], jitter[b]);
      });
      Candidates all = new Candidates(order, null, packages);
      List<Candidates> byEcosystem = new ArrayList<>();
      for (String ecosystem : ECOSYSTEMS) {
        byEcosystem.add(new Candidates(order, ecosystem, packages));
      }
      int dependents = 0;
      for (int version = 0; version < versionCount; version++) {
        if (packages.get(packageOf.get(version)).layer() > 0) {
          dependents++;
        }
      }
      double meanDegree = (double) spec.edges() / Math.max(1, dependents);
      int[] offsets = new int[versionCount + 1];
      int[] targets = new int[(int) Math.min(Integer.MAX_VALUE - 8, spec.edges() + versionCount)];
      int written = 0;
      long remaining = spec.edges();
      for (int version = 0; version < versionCount; version++) {
        offsets[version] = written;
        Package pkg = packages.get(packageOf.get(version));
        if (pkg.key().equals(LIBRACORE_FORK)) {
          // libracore-ng 1.0.0, 1.1.0, 1.2.0, 2.0.0 were forked from libracore 2.1.1, 2.2.0, 2.3.2, 2.3.4.
          int[] origins = {8, 10, 14, 16};
          forkOf[version] = firstVersion.get(0) + origins[version - firstVersion.get(1)];
        }
        int degree = (int) Math.round(-Math.log(1 - random.nextDouble()) * meanDegree);
        degree = (int) Math.min(degree, Math.min(remaining, 200));
        if (pkg.layer() == 0) {
          degree = 0;
        }
        Candidates pool = byEcosystem.get(indexOf(pkg.ecosystem()));
        int start = written;
        // Popular targets are drawn again and again; retry duplicates so the degree is met.
        for (int attempt = 0; written - start < degree && attempt < degree * 4; attempt++) {
          boolean back = random.nextDouble() < BACK_EDGE_RATE;
          int targetPackage = back ? pool.any(random) : pool.below(pkg.layer(), random);
          if (targetPackage < 0) {
            targetPackage = all.below(pkg.layer(), random);
          }
          if (targetPackage < 0 || targetPackage == packageOf.get(version)) {
            continue;
          }
          int target = pickVersion(targetPackage);
          if (!contains(targets, start, written, target)) {
            targets[written++] = target;
          }
        }
        remaining -= written - start;
      }
      offsets[versionCount] = written;
      return new int[][] {offsets, Arrays.copyOf(targets, written)};
    }

    private List<Product> makeProducts(int versionCount) {
      List<Product> products = new ArrayList<>();
      List<String> vendors = new ArrayList<>();
      for (int v = 0; v < spec.vendors(); v++) {
        vendors.add(vendorName(v));
      }
      // Products draw from every package by popularity, in an order independent of the libraries' own.
      Integer[] order = new Integer[packages.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Integer swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      Candidates all = new Candidates(order, null, packages);
      int libra = spec.libraCore() ? firstVersion.get(0) : -1;
      for (int p = 0; p < spec.products(); p++) {
        String vendor = vendors.get(p % vendors.size());
        String slug = vendor.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String name = word() + "-" + (p % 3 == 0 ? "gateway" : p % 3 == 1 ? "server" : "suite");
        String version = (1 + random.nextInt(6)) + "." + random.nextInt(10) + "." + random.nextInt(5);
        int direct = 3 + random.nextInt(12);
        int[] deps = new int[direct];
        int n = 0;
        for (int d = 0; d < direct; d++) {
          int pkg = all.any(random);
          int dep = pickVersion(pkg);
          if (!contains(deps, 0, n, dep)) {
            deps[n++] = dep;
          }
        }
        if (libra >= 0 && random.nextDouble() < 0.15) {
          // Some vendors embed LibraCore directly, in an old or a recent version.
          int dep = libra + random.nextInt(packages.get(0).versions().size());
          if (!contains(deps, 0, n, dep)) {
            deps = Arrays.copyOf(deps, n + 1);
            deps[n++] = dep;
          }
        }
        products.add(new Product(vendor, "pkg:generic/" + slug + "/" + name + "@" + version, name, Arrays.copyOf(deps, n)));
      }
      return products;
    }

    private List<Site> makeSites(int productCount) {
      List<Site> sites = new ArrayList<>(spec.deployments());
      String[] operators = new String[spec.operators()];
      String[] sectorOf = new String[operators.length];
      String[] homeOf = new String[operators.length];
      for (int o = 0; o < operators.length; o++) {
        sectorOf[o] = SECTORS.get(random.nextInt(spec.sectors()));
        homeOf[o] = COUNTRIES.get(random.nextInt(spec.countries()));
        operators[o] = capitalised(word()) + " " + operatorSuffix(sectorOf[o]) + (o >= 60 ? " " + (o / 60 + 1) : "");
      }
      double[] productWeights = new double[productCount];
      double total = 0;
      for (int p = 0; p < productCount; p++) {
        total += 1.0 / Math.pow(p + 1, 0.9);
        productWeights[p] = total;
      }
      for (int d = 0; d < spec.deployments(); d++) {
        int operator = (int) Math.min(operators.length - 1, Math.floor(Math.pow(random.nextDouble(), 1.6) * operators.length));
        String country = random.nextDouble() < 0.85 ? homeOf[operator] : COUNTRIES.get(random.nextInt(spec.countries()));
        int product = lowerBound(productWeights, random.nextDouble() * total);
        String criticality =
            switch (sectorOf[operator]) {
              case "energy", "water", "health", "telecom" -> random.nextDouble() < 0.6 ? "essential" : "important";
              default -> random.nextDouble() < 0.3 ? "important" : "other";
            };
        String site = country + "-" + capitalised(word()) + "-" + (d % 97 + 1);
        sites.add(new Site(operators[operator], site, sectorOf[operator], country, criticality, product));
      }
      return sites;
    }

    private int pickVersion(int pkg) {
      int first = firstVersion.get(pkg);
      int count = packages.get(pkg).versions().size();
      // Recency bias: the newest version most often, older ones geometrically less.
      int back = (int) Math.min(count - 1, Math.floor(-Math.log(1 - random.nextDouble()) * 1.5));
      return first + count - 1 - back;
    }

    private String pickEcosystem() {
      double x = random.nextDouble();
      for (int i = 0; i < ECOSYSTEMS.length; i++) {
        x -= ECOSYSTEM_SHARE[i];
        if (x < 0) {
          return ECOSYSTEMS[i];
        }
      }
      return ECOSYSTEMS[0];
    }

    private int pickLayer() {
      // Fewer packages in the foundational layers, as in real ecosystems.
      return Math.min(LAYERS - 1, (int) Math.floor(Math.sqrt(random.nextDouble()) * LAYERS));
    }

    private String packageKey(String ecosystem) {
      String a = word();
      String b = word();
      int n = packages.size();
      return switch (ecosystem) {
        case "maven" -> "pkg:maven/org." + a + "/" + b + "-" + n;
        case "npm" -> n % 4 == 0 ? "pkg:npm/%40" + a + "/" + b + "-" + n : "pkg:npm/" + a + "-" + b + "-" + n;
        case "pypi" -> "pkg:pypi/" + a + "-" + b + "-" + n;
        case "golang" -> "pkg:golang/github.com/" + a + "/" + b + n;
        case "cargo" -> "pkg:cargo/" + a + "_" + b + "_" + n;
        default -> "pkg:nuget/" + capitalised(a) + "." + capitalised(b) + n;
      };
    }

    private List<String> versionStrings(String ecosystem, int count) {
      List<String> versions = new ArrayList<>(count);
      int major = random.nextInt(3);
      int minor = random.nextInt(5);
      int patch = 0;
      for (int i = 0; i < count; i++) {
        double step = random.nextDouble();
        if (step < 0.08) {
          major++;
          minor = 0;
          patch = 0;
        } else if (step < 0.35) {
          minor++;
          patch = 0;
        } else if (i > 0) {
          patch++;
        }
        String version = major + "." + minor + "." + patch;
        versions.add(ecosystem.equals("golang") ? "v" + version : version);
      }
      return versions;
    }

    private String word() {
      return SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)];
    }

    private String vendorName(int index) {
      return capitalised(word()) + (index % 2 == 0 ? " Systems" : " Networks") + (index >= 32 ? " " + (index / 32 + 1) : "");
    }

    private static String operatorSuffix(String sector) {
      return switch (sector) {
        case "energy" -> "Grid";
        case "telecom" -> "Telecom";
        case "health" -> "Hospital";
        case "finance" -> "Bank";
        case "transport" -> "Rail";
        case "digital-identity" -> "ID";
        case "water" -> "Water";
        default -> "Agency";
      };
    }

    private static int indexOf(String ecosystem) {
      for (int i = 0; i < ECOSYSTEMS.length; i++) {
        if (ECOSYSTEMS[i].equals(ecosystem)) {
          return i;
        }
      }
      throw new IllegalArgumentException(ecosystem);
    }
  }

  /**
   * Zipf-weighted packages of one ecosystem (or all), for sampling: {@link #any} by popularity in the
   * given order, and {@link #below} by layer when the order is sorted by layer.
   */
  private static final class Candidates {
    private final int[] packageIds;
    private final double[] cumulative;
    private final int[] layerEnd;

    Candidates(Integer[] order, String ecosystem, List<Package> packages) {
      List<Integer> chosen = new ArrayList<>();
      for (int id : order) {
        if (ecosystem == null || packages.get(id).ecosystem().equals(ecosystem)) {
          chosen.add(id);
        }
      }
      packageIds = toArray(chosen);
      cumulative = new double[packageIds.length];
      layerEnd = new int[LAYERS];
      double total = 0;
      for (int i = 0; i < packageIds.length; i++) {
        total += 1.0 / Math.pow(i + 1, ZIPF_EXPONENT);
        cumulative[i] = total;
      }
      int layer = 0;
      for (int i = 0; i <= packageIds.length; i++) {
        int current = i < packageIds.length ? packages.get(packageIds[i]).layer() : LAYERS;
        while (layer < LAYERS && current > layer) {
          layerEnd[layer++] = i;
        }
      }
    }

    /** A package of a layer below {@code layer}, by popularity; -1 if there is none. */
    int below(int layer, SplittableRandom random) {
      int end = layer == 0 ? 0 : layerEnd[layer - 1];
      if (end == 0) {
        return -1;
      }
      return packageIds[lowerBound(cumulative, random.nextDouble() * cumulative[end - 1])];
    }

    /** Any package, by popularity; -1 if there is none. */
    int any(SplittableRandom random) {
      if (packageIds.length == 0) {
        return -1;
      }
      return packageIds[lowerBound(cumulative, random.nextDouble() * cumulative[packageIds.length - 1])];
    }
  }

  private static int lowerBound(double[] cumulative, double x) {
    int index = Arrays.binarySearch(cumulative, x);
    int position = index >= 0 ? index : -index - 1;
    return Math.min(position, cumulative.length - 1);
  }

  private static boolean contains(int[] values, int from, int to, int value) {
    for (int i = from; i < to; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  private static int[] toArray(List<Integer> values) {
    int[] array = new int[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i);
    }
    return array;
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
