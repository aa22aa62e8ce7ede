public enum WinnowVersion { public static let string = "0.1.0" }
