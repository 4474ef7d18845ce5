package nl.kamerqa.query.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses query parameters an API endpoint does not take: a misspelled or unsupported filter
 * ({@code /api/stats/questions?by=party&documentId=...}) would otherwise be ignored, and the answer would look right
 * while counting everything. The parameters an endpoint takes are read once from its method: its
 * {@code @RequestParam}s and the components of its {@code @ParameterObject} record.
 */
public class UnknownParameterCheck implements HandlerInterceptor {

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        Set<String> allowed = known.computeIfAbsent(method.getMethod(), UnknownParameterCheck::parametersOf);
        for (String name : request.getParameterMap().keySet()) {
            if (!allowed.contains(name)) {
                throw new BadParameterException(name, allowed.isEmpty() ? "is not a parameter of this endpoint, which takes none"
                        : "is not a parameter of this endpoint, which takes " + String.join(", ", allowed));
            }
        }
        return true;
    }

    static Set<String> parametersOf(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            RequestParam param = parameter.getAnnotation(RequestParam.class);
            if (param != null) {
                names.add(!param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : parameter.getName());
            }
            if (parameter.isAnnotationPresent(ParameterObject.class) && parameter.getType().isRecord()) {
                for (RecordComponent component : parameter.getType().getRecordComponents()) {
                    names.add(component.getName());
                }
            }
        }
        return names;
    }
}
