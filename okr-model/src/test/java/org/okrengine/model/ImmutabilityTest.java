package org.okrengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every public type of org.okrengine.model is immutable. */
class ImmutabilityTest {
  static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
    Path dir = Path.of(Cycle.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("org/okrengine/model");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        String name = f.getFileName().toString().replace(".class", "");
        Class<?> c = Class.forName("org.okrengine.model." + name.replace('$', '.').replace(".", "$"));
        if (Modifier.isPublic(c.getModifiers())) {
          out.add(c);
        }
      }
    }
    return out;
  }

  static boolean immutableType(Class<?> t) {
    return t.isPrimitive() || t == String.class || Number.class.isAssignableFrom(t) || t.isEnum()
        || TemporalAccessor.class.isAssignableFrom(t) || java.time.ZoneId.class.isAssignableFrom(t)
        || t.isRecord() || t == List.class || t == Map.class || t == Plan.class;
  }

  @Test
  void everyPublicType_isImmutable() throws Exception {
    List<Class<?>> types = publicTypes();
    assertThat(types).hasSizeGreaterThan(25);
    for (Class<?> c : types) {
      // exceptions carry their problems; a builder is mutable by design (what it builds is not), and final; Accumulator
      // is the contract of running totals, mutable by design and implemented in other modules (not sealed)
      boolean builder = c.getSimpleName().equals("Builder") && c.getEnclosingClass() != null;
      if (builder) {
        assertThat(Modifier.isFinal(c.getModifiers())).as(c + " is final").isTrue();
      }
      if (c.isEnum() || InvalidInputException.class.isAssignableFrom(c) || builder || c == Accumulator.class) {
        continue;
      }
      if (c.isInterface()) {
        assertThat(c.isSealed()).as(c + " is sealed").isTrue();
        for (Class<?> p : c.getPermittedSubclasses()) {
          assertThat(p.isRecord()).as(p + " is a record").isTrue();
        }
        continue;
      }
      if (c.isRecord()) {
        for (RecordComponent rc : c.getRecordComponents()) {
          assertThat(immutableType(rc.getType())).as(c.getSimpleName() + "." + rc.getName()).isTrue();
        }
        continue;
      }
      assertThat(Modifier.isFinal(c.getModifiers())).as(c + " is final").isTrue();
      for (Field f : c.getDeclaredFields()) {
        assertThat(Modifier.isFinal(f.getModifiers())).as(c.getSimpleName() + "." + f.getName()).isTrue();
        assertThat(Modifier.isPrivate(f.getModifiers()) || Modifier.isStatic(f.getModifiers()))
            .as(c.getSimpleName() + "." + f.getName()).isTrue();
      }
    }
  }

  @Test
  void collections_areUnmodifiable() {
    OkrCycle c = OkrCycleTest.sample();
    assertThatThrownBy(() -> c.teams().add(Team.of("x"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.keyResults().clear()).isInstanceOf(UnsupportedOperationException.class);
    KeyResult kr = c.keyResult("KR-1").orElseThrow();
    assertThatThrownBy(() -> kr.checkIns().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> kr.tags().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.objectivesOfTeam("growth").clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Reason.of("a", "b", 1).evidence().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    List<String> blockers = new ArrayList<>(List.of("a"));
    CheckIn ci = new CheckIn(OkrCycleTest.T1, 1, null, null, blockers, null);
    blockers.add("b");
    assertThat(ci.blockers()).containsExactly("a");
  }
}
